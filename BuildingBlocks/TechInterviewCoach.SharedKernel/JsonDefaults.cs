namespace TechInterviewCoach.SharedKernel;

/// <summary>The JSON settings the app reads and writes with where nothing asks for more: the web defaults (camelCase, case-insensitive reads).</summary>
public static class JsonDefaults
{
    /// <summary>One shared, read-only instance (System.Text.Json caches type metadata per options instance, so sharing it is also faster).</summary>
    public static readonly JsonSerializerOptions Web = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
