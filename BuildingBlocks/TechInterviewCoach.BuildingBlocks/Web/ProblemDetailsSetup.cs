using System.Diagnostics;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;

namespace TechInterviewCoach.BuildingBlocks.Web;

/// <summary>
/// The one place that turns failures into RFC 9457 problem details with a stable "code":
/// validation 400 (with field errors), not found 404, forbidden 403, rule or state conflict 409,
/// anything else 500 without internals outside Development.
/// </summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions.TryAdd("code", DefaultCode(ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode));
            ctx.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<AppExceptionHandler>();
        return services;
    }

    /// <summary>The status a failure is answered with, for pages and API alike.</summary>
    public static int StatusFor(Exception exception) => exception switch
    {
        ValidationException => 400,
        AppException app => app.StatusCode,
        BadHttpRequestException bad => bad.StatusCode,
        _ => 500,
    };

    public static string DefaultCode(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        _ when status >= 500 => "internal_error",
        _ => "error",
    };

    /// <summary>Field errors keyed by camelCase property path, as the JSON API names them.</summary>
    public static Dictionary<string, string[]> ToFieldErrors(this ValidationException ex) =>
        ex.Errors.GroupBy(e => CamelCase(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    public static string CamelCase(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    /// <summary>True for requests that want JSON answers (the API, webhooks, health) rather than pages.</summary>
    public static bool IsApiRequest(this HttpContext context)
    {
        // While an exception is handled, Request.Path is already the error page's; the feature keeps the original.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : context.Request.Path;
        return path.StartsWithSegments("/api") || path.StartsWithSegments("/webhooks")
               || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/openapi");
    }
}

internal sealed class AppExceptionHandler(IProblemDetailsService problemDetails, IHostEnvironment environment, ILogger<AppExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case ValidationException validation:
                problem = new HttpValidationProblemDetails(validation.ToFieldErrors())
                {
                    Status = 400, Title = "Some fields are not valid.", Extensions = { ["code"] = "validation_failed" },
                };
                break;
            case InputException input:
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [ProblemDetailsSetup.CamelCase(input.Field)] = [input.Message] })
                {
                    Status = 400, Title = input.Message, Extensions = { ["code"] = input.Code },
                };
                break;
            case AppException app:
                problem = new ProblemDetails { Status = app.StatusCode, Title = app.Message, Extensions = { ["code"] = app.Code } };
                break;
            case BadHttpRequestException bad when BadRequestField(bad) is { } field:
                // A body field of the wrong type, or a query/route value that does not parse: named, like a validation error.
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = ["This value is not valid here (wrong type, format or range)."] })
                {
                    Status = 400, Title = "The request could not be read.", Extensions = { ["code"] = "invalid_input" },
                };
                break;
            case BadHttpRequestException bad:
                problem = new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read.", Extensions = { ["code"] = ProblemDetailsSetup.DefaultCode(bad.StatusCode) } };
                break;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                return true; // the client went away; nothing to answer
            default:
                // Logged with the route only: exception messages from vendors or the database may quote input.
                logger.LogError(exception, "Unhandled exception on {Method} {Route}", httpContext.Request.Method, httpContext.GetEndpoint()?.DisplayName);
                problem = new ProblemDetails
                {
                    Status = 500,
                    Title = "Something went wrong on our side. It has been reported.",
                    Detail = environment.IsDevelopment() ? exception.ToString() : null,
                    Extensions = { ["code"] = "internal_error" },
                };
                break;
        }
        if (exception is AppException { Fields.Count: > 0 } withFields)
            foreach (var (name, value) in withFields.Fields) problem.Extensions.TryAdd(name, value);
        if (httpContext.Response.HasStarted) return true; // a stream had begun; nothing more can be said
        httpContext.Response.StatusCode = problem.Status!.Value;
        // Pages answer with the /Error page, re-executed with this status (see Platform.UsePlatform).
        if (!httpContext.IsApiRequest()) return false;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static readonly System.Text.RegularExpressions.Regex ParameterName =
        new("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// The field a 400 from binding is about: the JSON path of a body that did not deserialize ($.targetRoles[0] → targetRoles[0]),
    /// or the parameter named in "Failed to bind parameter "int? page" from "x"". Null for anything else (415, 413, empty body).
    /// </summary>
    internal static string? BadRequestField(BadHttpRequestException bad)
    {
        if (bad.StatusCode != 400) return null;
        if (bad.InnerException is System.Text.Json.JsonException json)
        {
            var path = json.Path is { Length: > 0 } p ? p.TrimStart('$').TrimStart('.') : "";
            return path.Length == 0 ? "body" : ProblemDetailsSetup.CamelCase(path);
        }
        if (bad.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal) || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal))
        {
            var match = ParameterName.Match(bad.Message);
            if (match.Success) return ProblemDetailsSetup.CamelCase(match.Groups["name"].Value);
        }
        if (bad.Message.StartsWith("Failed to read parameter", StringComparison.Ordinal)) return "body";
        return null;
    }
}
