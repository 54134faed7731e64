using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TechInterviewCoach.BuildingBlocks.Web;

/// <summary>
/// &lt;avatar name="@coach.DisplayName" photo="@coach.PhotoUrl" size="large" /&gt;: the person's photo with the alt text
/// "Photo of {name}", or, without a photo, a circle with their initials. The initials only repeat the name that stands
/// beside them, so they are hidden from screen readers (aria-hidden) rather than read out as letters.
/// </summary>
[HtmlTargetElement("avatar", TagStructure = TagStructure.WithoutEndTag)]
public sealed class AvatarTagHelper : TagHelper
{
    public string? Name { get; set; }
    public string? Photo { get; set; }
    /// <summary>"small" (32 px, in lists), "medium" (56 px, on cards) or "large" (120 px, on a profile).</summary>
    public string Size { get; set; } = "medium";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = string.IsNullOrWhiteSpace(Name) ? "" : Name.Trim();
        var pixels = Size switch { "small" => 32, "large" => 120, _ => 56 };
        var css = $"avatar avatar-{(pixels == 32 ? "small" : pixels == 120 ? "large" : "medium")}";
        if (!string.IsNullOrEmpty(Photo))
        {
            output.TagName = "img";
            output.TagMode = TagMode.SelfClosing;
            output.Attributes.SetAttribute("class", css);
            output.Attributes.SetAttribute("src", Photo);
            output.Attributes.SetAttribute("alt", name.Length == 0 ? "Photo" : $"Photo of {name}");
            output.Attributes.SetAttribute("width", pixels);
            output.Attributes.SetAttribute("height", pixels);
            output.Attributes.SetAttribute("loading", "lazy");
            output.Attributes.SetAttribute("decoding", "async");
            return;
        }
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"{css} avatar-initials avatar-tone-{Tone(name)}");
        output.Attributes.SetAttribute("aria-hidden", "true");
        output.Content.SetContent(Initials(name));
    }

    /// <summary>The first letters of the first and last word ("Ada Lovelace" → "AL", "Cher" → "C"); "?" without a name.</summary>
    public static string Initials(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => char.IsLetterOrDigit(w[0])).ToList();
        if (words.Count == 0) return "?";
        var first = char.ToUpperInvariant(words[0][0]).ToString();
        return words.Count == 1 ? first : first + char.ToUpperInvariant(words[^1][0]);
    }

    /// <summary>One of four background tones, the same for the same name on every page.</summary>
    private static int Tone(string name)
    {
        var sum = 0;
        foreach (var c in name) sum = unchecked(sum * 31 + c);
        return (sum & int.MaxValue) % 4;
    }
}
