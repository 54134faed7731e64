using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace TechInterviewCoach.BuildingBlocks.Web;

/// <summary>Named rate-limit policies the modules put on their endpoints.</summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-in and sign-up, per client address.</summary>
    public const string Auth = "auth";
    /// <summary>Ordinary writes (settings, profiles, listings, checkout), per person.</summary>
    public const string Writes = "writes";
    /// <summary>Sending chat messages, per person (30 a minute by default).</summary>
    public const string Messages = "messages";
    /// <summary>File uploads, per person.</summary>
    public const string Uploads = "uploads";
    /// <summary>Stripe webhooks, per source address; generous, Stripe retries on 429.</summary>
    public const string Webhooks = "webhooks";

    /// <summary>Default permits per minute; each can be changed with RateLimits:{policy}:PermitsPerMinute.</summary>
    public static readonly IReadOnlyDictionary<string, int> Defaults = new Dictionary<string, int>
    {
        [Auth] = 20, [Writes] = 120, [Messages] = 30, [Uploads] = 10, [Webhooks] = 6000,
    };

    public static IServiceCollection AddPlatformRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            foreach (var (name, permits) in Defaults)
            {
                var limit = configuration.GetValue($"RateLimits:{name}:PermitsPerMinute", permits);
                var perPerson = name is Writes or Messages or Uploads;
                options.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter(
                    PartitionKey(context, perPerson),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            }
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = 429,
                        Title = "Too many requests. Please wait a moment and try again.",
                        Extensions = { ["code"] = "rate_limited", ["retryAfterSeconds"] = (int)Math.Ceiling(retryAfter.TotalSeconds) },
                    },
                });
            };
        });
        return services;
    }

    private static string PartitionKey(HttpContext context, bool perPerson)
    {
        if (perPerson && context.User.TryGetUserId() is { } id) return "u:" + id.ToString("N");
        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
