namespace TechInterviewCoach.Integrations.Tests;

/// <summary>
/// Reads the request schema of POST /emails from Resend's OpenAPI document (Vendor/resend/resend.yaml, MIT, copied
/// from the vendor): a small reader for the block-style YAML subset the document uses (maps, lists, scalars).
/// </summary>
public static class ResendSchema
{
    public sealed record Property(string Name, IReadOnlyList<string> Types, string? ItemType);

    public sealed record Schema(IReadOnlyList<string> Required, IReadOnlyDictionary<string, Property> Properties);

    public static string DocumentPath => Path.Combine(AppContext.BaseDirectory, "Vendor", "resend", "resend.yaml");

    public static Schema SendEmailRequest()
    {
        var lines = File.ReadAllLines(DocumentPath);
        var root = Yaml.Parse(lines) ?? throw new InvalidDataException("Empty YAML document");
        var paths = (Dictionary<string, object?>)((Dictionary<string, object?>)root)["paths"]!;
        var post = Map(Map(paths["/emails"])["post"]);
        var reference = (string)Map(Map(Map(Map(post["requestBody"])["content"])["application/json"])["schema"])["$ref"]!;
        var name = reference.Split('/').Last();
        var schema = Map(Map(Map(((Dictionary<string, object?>)root)["components"])["schemas"])[name]);
        var required = ((List<object?>)schema["required"]!).Cast<string>().ToList();
        var properties = Map(schema["properties"]).ToDictionary(p => p.Key, p =>
        {
            var body = Map(p.Value);
            var types = new List<string>();
            string? itemType = null;
            if (body.TryGetValue("type", out var type)) types.Add((string)type!);
            if (body.TryGetValue("oneOf", out var oneOf))
                foreach (var option in ((List<object?>)oneOf!).Select(Map))
                {
                    types.Add((string)option["type"]!);
                    if (option.TryGetValue("items", out var items)) itemType = (string?)Map(items).GetValueOrDefault("type");
                }
            if (body.TryGetValue("items", out var own) && Map(own).TryGetValue("type", out var ownType)) itemType = (string?)ownType;
            if (types.Count == 0) types.Add("object");
            return new Property(p.Key, types, itemType);
        });
        return new Schema(required, properties);
    }

    private static Dictionary<string, object?> Map(object? node) => node as Dictionary<string, object?> ?? throw new InvalidDataException("Expected a YAML map");

    /// <summary>Block-style YAML: "key: value", "key:" + indented children, "- item" lists. Enough for OpenAPI documents.</summary>
    public static class Yaml
    {
        private sealed record Line(int Indent, string Text);

        public static object? Parse(IEnumerable<string> raw)
        {
            var lines = raw.Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'))
                .Select(l => new Line(l.Length - l.TrimStart().Length, l.Trim())).ToList();
            var i = 0;
            return ParseBlock(lines, ref i, lines[0].Indent);
        }

        private static object? ParseBlock(List<Line> lines, ref int i, int indent)
        {
            if (i >= lines.Count) return null;
            return lines[i].Text.StartsWith("- ") || lines[i].Text == "-" ? ParseList(lines, ref i, indent) : ParseMap(lines, ref i, indent);
        }

        private static List<object?> ParseList(List<Line> lines, ref int i, int indent)
        {
            var list = new List<object?>();
            while (i < lines.Count && lines[i].Indent == indent && (lines[i].Text.StartsWith("- ") || lines[i].Text == "-"))
            {
                var content = lines[i].Text.Length > 2 ? lines[i].Text[2..].Trim() : "";
                if (content.Length > 0 && !IsKeyLine(content))
                {
                    list.Add(Scalar(content));
                    i++;
                    while (i < lines.Count && lines[i].Indent > indent) i++;
                    continue;
                }
                // A map inside a list item: its first key sits on the dash line.
                lines[i] = new Line(indent + 2, content);
                if (content.Length == 0) i++;
                list.Add(ParseBlock(lines, ref i, i < lines.Count ? lines[i].Indent : indent + 2));
            }
            return list;
        }

        private static Dictionary<string, object?> ParseMap(List<Line> lines, ref int i, int indent)
        {
            var map = new Dictionary<string, object?>();
            while (i < lines.Count && lines[i].Indent == indent && !lines[i].Text.StartsWith("- "))
            {
                var text = lines[i].Text;
                var colon = KeyEnd(text);
                if (colon < 0) { i++; continue; }
                var key = Unquote(text[..colon].Trim());
                var value = text[(colon + 1)..].Trim();
                i++;
                if (value.Length > 0 && value != "|" && value != ">" && value != "|-" && value != ">-")
                {
                    map[key] = Scalar(value);
                    while (i < lines.Count && lines[i].Indent > indent) i++; // a plain scalar continued on more lines
                }
                else if (i < lines.Count && (lines[i].Indent > indent || (lines[i].Indent == indent && lines[i].Text.StartsWith("- "))))
                {
                    if (value is "|" or ">" or "|-" or ">-")
                    {
                        var parts = new List<string>();
                        while (i < lines.Count && lines[i].Indent > indent) parts.Add(lines[i++].Text);
                        map[key] = string.Join(value.StartsWith('|') ? "\n" : " ", parts);
                    }
                    else map[key] = ParseBlock(lines, ref i, lines[i].Indent);
                }
                else map[key] = null;
            }
            return map;
        }

        private static bool IsKeyLine(string text) => KeyEnd(text) > 0;

        /// <summary>Position of the colon ending a key ("key: v" or "key:"), outside quotes; -1 when the line is not a key.</summary>
        private static int KeyEnd(string text)
        {
            var quote = '\0';
            for (var k = 0; k < text.Length; k++)
            {
                var c = text[k];
                if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
                if (k == 0 && c is '\'' or '"') { quote = c; continue; }
                if (c == ':' && (k == text.Length - 1 || text[k + 1] == ' ')) return k;
                if (c == ' ' && k + 1 < text.Length && text[k + 1] == '#') return -1;
            }
            return -1;
        }

        private static object Scalar(string value) => Unquote(value);

        private static string Unquote(string value) =>
            value.Length >= 2 && ((value[0] == '\'' && value[^1] == '\'') || (value[0] == '"' && value[^1] == '"')) ? value[1..^1] : value;
    }
}
