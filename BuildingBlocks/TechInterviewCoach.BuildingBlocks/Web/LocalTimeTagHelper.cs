using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TechInterviewCoach.BuildingBlocks.Web;

/// <summary>&lt;local-time value="@utc" /&gt; renders a &lt;time&gt; in the reader's time zone, with the UTC instant in datetime.</summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper : TagHelper
{
    public DateTime? Value { get; set; }
    public string Format { get; set; } = "ddd d MMM yyyy, HH:mm";
    /// <summary>Show in this time zone instead of the reader's (e.g. the coach's zone beside the coachee's).</summary>
    public string? Zone { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Value is null) { output.SuppressOutput(); return; }
        var tz = Zone is null ? ViewContext.HttpContext.User.GetTimeZone() : UserTime.Find(Zone);
        var utc = DateTime.SpecifyKind(Value.Value, DateTimeKind.Utc);
        output.Attributes.SetAttribute("datetime", utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        output.Content.SetContent(UserTime.Format(utc, tz, Format));
    }
}
