namespace TechInterviewCoach.SharedKernel;

/// <summary>
/// One module's share of a person's data export. <see cref="Data"/> is serialised to JSON as-is;
/// <see cref="Files"/> are written beside it in the ZIP (for example the CV).
/// </summary>
public sealed record PersonalDataPart(string Module, object Data, IReadOnlyList<PersonalDataFile> Files);

public sealed record PersonalDataFile(string FileName, string ContentType, byte[] Content);
