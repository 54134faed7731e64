namespace TechInterviewCoach.Platform.Tests.Fuzz;

/// <summary>One operation of /openapi/v1.json, with what a client needs to call it.</summary>
public sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, string? BodyContentType, JsonObject? BodySchema)
{
    public override string ToString() => $"{Method} {Path}";
    public bool IsWrite => Method is "POST" or "PUT" or "DELETE" or "PATCH";
}

public sealed record Parameter(string Name, string In, JsonObject Schema);

/// <summary>Reads the document's operations and makes sample values from its schemas.</summary>
public sealed class OpenApiModel(JsonObject document)
{
    public static OpenApiModel Parse(string json) => new(JsonNode.Parse(json)!.AsObject());

    public IReadOnlyList<Operation> Operations()
    {
        var list = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, op) in item!.AsObject())
        {
            var parameters = (op!["parameters"]?.AsArray() ?? []).Select(p => new Parameter(
                p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), Resolve(p["schema"]?.AsObject() ?? new JsonObject()))).ToList();
            string? contentType = null;
            JsonObject? schema = null;
            if (op["requestBody"]?["content"]?.AsObject() is { Count: > 0 } content)
            {
                var (type, media) = content.First();
                contentType = type;
                schema = Resolve(media!["schema"]?.AsObject() ?? new JsonObject());
            }
            list.Add(new Operation(method.ToUpperInvariant(), path, parameters, contentType, schema));
        }
        return list;
    }

    /// <summary>Follows $ref into components/schemas.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        for (var i = 0; i < 10 && schema["$ref"]?.GetValue<string>() is { } reference; i++)
            schema = document["components"]!["schemas"]![reference.Split('/').Last()]!.AsObject();
        return schema;
    }

    public static IReadOnlyList<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonValue v => [v.GetValue<string>()],
        JsonArray a => a.Select(x => x!.GetValue<string>()).ToList(),
        _ => schema["properties"] is not null ? ["object"] : [],
    };

    /// <summary>The main (non-null) type of a schema: string, integer, number, boolean, array, object, or "" when open.</summary>
    public string MainType(JsonObject schema)
    {
        schema = Resolve(schema);
        var types = Types(schema).Where(t => t != "null").ToList();
        if (types.Count > 0) return types[0];
        if (schema["enum"] is not null) return "string";
        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
            if (schema[key] is JsonArray options)
                foreach (var o in options)
                    if (MainType(o!.AsObject()) is { Length: > 0 } t) return t;
        return "";
    }

    public bool IsNullable(JsonObject schema)
    {
        schema = Resolve(schema);
        if (Types(schema).Contains("null") || schema["nullable"]?.GetValue<bool>() == true) return true;
        foreach (var key in new[] { "oneOf", "anyOf" })
            if (schema[key] is JsonArray options && options.Any(o => IsNullable(o!.AsObject()))) return true;
        return false;
    }

    public JsonObject? Properties(JsonObject schema) => Resolve(schema)["properties"]?.AsObject() ?? AllOf(schema)?["properties"]?.AsObject();

    private JsonObject? AllOf(JsonObject schema)
    {
        foreach (var key in new[] { "allOf", "oneOf", "anyOf" })
            if (Resolve(schema)[key] is JsonArray options)
                foreach (var o in options)
                    if (Resolve(o!.AsObject())["properties"] is not null) return Resolve(o.AsObject());
        return null;
    }

    public JsonObject ItemSchema(JsonObject schema) => Resolve(Resolve(schema)["items"]?.AsObject() ?? AllOf(schema)?["items"]?.AsObject() ?? new JsonObject());

    /// <summary>A plausible value of the schema; <paramref name="idFor"/> supplies real ids by property name when it knows one.</summary>
    public JsonNode? Sample(JsonObject schema, string name, Func<string, string?> idFor, int depth = 0)
    {
        schema = Resolve(schema);
        if (depth > 6) return null;
        if (schema["enum"] is JsonArray values && values.Count > 0) return values.FirstOrDefault(v => v is not null)?.DeepClone();
        var format = schema["format"]?.GetValue<string>();
        switch (MainType(schema))
        {
            case "object":
                var result = new JsonObject();
                if (Properties(schema) is { } props)
                    foreach (var (prop, propSchema) in props)
                        result[prop] = Sample(propSchema!.AsObject(), prop, idFor, depth + 1);
                else if (schema["additionalProperties"] is JsonObject)
                    return new JsonObject();
                return result;
            case "array":
                var item = Sample(ItemSchema(schema), name, idFor, depth + 1);
                return item is null ? new JsonArray() : new JsonArray(item);
            case "integer":
                return name.Contains("minor", StringComparison.OrdinalIgnoreCase) ? 5000 : name.Contains("minutes", StringComparison.OrdinalIgnoreCase) ? 60 : 1;
            case "number":
                return 1;
            case "boolean":
                return false;
            case "string":
                return format switch
                {
                    "uuid" => idFor(name) ?? Guid.NewGuid().ToString(),
                    "date-time" => DateTime.UtcNow.AddDays(3).ToString("O"),
                    "date" => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)).ToString("yyyy-MM-dd"),
                    "time" => "09:00:00",
                    _ when schema["pattern"]?.GetValue<string>() is { } pattern && pattern.Contains("\\d") => "1",
                    _ => SampleText(name),
                };
            default:
                return null;
        }
    }

    private static string SampleText(string name) => name.ToLowerInvariant() switch
    {
        "timezone" => "Europe/Berlin",
        "currency" or "budgetcurrency" => "EUR",
        "email" or "notificationemail" => "sample@example.com",
        "role" => "coachee",
        "seniority" => "senior",
        _ => "Sample text",
    };
}
