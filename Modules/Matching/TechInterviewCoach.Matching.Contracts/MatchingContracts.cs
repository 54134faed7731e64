using MediatR;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Matching.Contracts;

public enum ListingKind { Single = 0, Package = 1 }

/// <summary>What Orders needs to sell a listing. The price always comes from here, never from the buyer.</summary>
/// <param name="ValidityDays">Days after payment within which a package's sessions can be booked (null: Orders:PackageValidityDays).</param>
/// <param name="MeetingUrl">The coach's own meeting link (https) for this listing; null: the platform makes a room per session.</param>
public sealed record ListingForPurchase(
    Guid ListingId,
    Guid CoachId,
    string Title,
    ListingKind Kind,
    int Sessions,
    int SessionMinutes,
    long PriceMinor,
    string Currency,
    bool IsPublished,
    bool CoachIsListed,
    int? ValidityDays = null,
    string? MeetingUrl = null);

/// <summary>Null when the listing does not exist.</summary>
public sealed record GetListingForPurchase(Guid ListingId) : IRequest<ListingForPurchase?>;

/// <summary>A weekly window in the coach's own time zone, e.g. Monday 18:00–21:00.</summary>
public sealed record WeeklyWindow(DayOfWeek Day, TimeOnly Start, TimeOnly End);

public sealed record CoachAvailability(Guid CoachId, string TimeZone, IReadOnlyList<WeeklyWindow> Windows);

/// <summary>The coach's weekly availability for booking; null when the person has no coach profile.</summary>
public sealed record GetCoachAvailability(Guid CoachId) : IRequest<CoachAvailability?>;

/// <summary>
/// The time zone a person gave Matching for scheduling: their coach profile's zone, else their latest quiz's zone;
/// null when they gave neither. Used to show a person times in their zone when their account has none but UTC.
/// </summary>
public sealed record GetSchedulingTimeZone(Guid UserId) : IRequest<string?>;

/// <summary>The person's quiz submissions, CV and the log of coaches' views of them, for their data export.</summary>
public sealed record ExportMatchingData(Guid UserId) : IRequest<PersonalDataPart>;

/// <summary>Where a coachee stands (for their start page): quiz submitted, CV uploaded. No answers, no file.</summary>
public sealed record GetCoacheeProgress(Guid CoacheeId) : IRequest<CoacheeProgress>;

public sealed record CoacheeProgress(bool QuizSubmitted, bool CvUploaded);

/// <summary>
/// The photo addresses of those of these coaches who have a photo (others are left out: show their initials). Each address
/// is versioned: it changes with the photo, and may be cached.
/// </summary>
public sealed record GetCoachPhotos(IReadOnlyCollection<Guid> CoachIds) : IRequest<IReadOnlyDictionary<Guid, string>>;
