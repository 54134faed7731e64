using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TechInterviewCoach.BuildingBlocks.Web;

/// <summary>Origins a feature needs beyond 'self' (e.g. the analytics host). No inline script is ever allowed.</summary>
public sealed class ContentSecurityPolicyOptions
{
    public List<string> ScriptSources { get; } = [];
    public List<string> ConnectSources { get; } = [];
    public List<string> ImageSources { get; } = ["data:"];
    public List<string> FormActions { get; } = [];
}

public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ContentSecurityPolicyOptions>>().Value;
        static string Join(IEnumerable<string> extra) => string.Join(' ', extra.Prepend("'self'").Distinct());
        var csp = string.Join("; ",
            "default-src 'self'",
            $"script-src {Join(options.ScriptSources)}",
            "style-src 'self'",
            $"img-src {Join(options.ImageSources)}",
            $"connect-src {Join(options.ConnectSources)}",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            $"form-action {Join(options.FormActions)}",
            "frame-ancestors 'none'");
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = csp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
    }
}
