using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace TechInterviewCoach.BuildingBlocks.Web;

/// <summary>
/// Schema ids in /openapi/v1.json. The framework's default is the bare type name, so features that each call their body
/// "Request" shared one schema and the document showed the wrong fields. The app's own types are named by their full name
/// without the root namespace (<c>Identity.Features.Settings.SettingsEndpoints.Request</c>); others keep the default.
/// </summary>
public static class OpenApiSchemaIds
{
    public static string? Create(JsonTypeInfo info)
    {
        var fallback = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        if (fallback is null) return null;
        return IsOwn(info.Type) ? Name(info.Type) : fallback;
    }

    private static bool IsOwn(Type type) =>
        type.Namespace?.StartsWith("TechInterviewCoach", StringComparison.Ordinal) == true
        || (type.IsGenericType && type.GetGenericArguments().Any(IsOwn));

    private static string Name(Type type)
    {
        if (type.IsArray) return Name(type.GetElementType()!) + "Array";
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        var name = (definition.FullName ?? definition.Name).Replace('+', '.');
        if (name.StartsWith("TechInterviewCoach.", StringComparison.Ordinal)) name = name["TechInterviewCoach.".Length..];
        var tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        if (!type.IsGenericType) return name;
        return name + "Of" + string.Join("And", type.GetGenericArguments().Select(a => IsOwn(a) ? Name(a) : a.Name));
    }
}
