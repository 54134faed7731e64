using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TechInterviewCoach.Integrations.Infrastructure;

/// <summary>The port the error sender uses; the only implementation talks to Rollbar.</summary>
internal interface IErrorGateway
{
    Task SendAsync(ErrorReport report, CancellationToken cancellationToken);
}

/// <summary>POST {Rollbar:Endpoint}/api/1/item/ with X-Rollbar-Access-Token (https://docs.rollbar.com/reference/create-item).</summary>
internal sealed class RollbarClient(HttpClient http, IOptions<RollbarOptions> options, IHostEnvironment environment) : IErrorGateway
{
    private static readonly string DefaultCodeVersion =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? Assembly.GetEntryAssembly()?.GetName().Version?.ToString() ?? "unknown";

    public async Task SendAsync(ErrorReport report, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/1/item/")
        {
            Content = new StringContent(Payload(report).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Rollbar-Access-Token", options.Value.AccessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Rollbar answered {(int)response.StatusCode}", null, response.StatusCode);
    }

    internal JsonObject Payload(ErrorReport report)
    {
        var o = options.Value;
        var traces = new JsonArray(report.Chain.Reverse().Select(e => (JsonNode)new JsonObject
        {
            ["frames"] = new JsonArray(e.Frames.Reverse().Select(f =>
            {
                var frame = new JsonObject { ["filename"] = f.Filename ?? "(unknown)", ["method"] = f.Method };
                if (f.Line is { } line) frame["lineno"] = line;
                return (JsonNode)frame;
            }).ToArray()),
            ["exception"] = new JsonObject { ["class"] = e.Class, ["message"] = e.Message },
        }).ToArray());

        var data = new JsonObject
        {
            ["environment"] = string.IsNullOrWhiteSpace(o.Environment) ? environment.EnvironmentName.ToLowerInvariant() : o.Environment,
            ["code_version"] = string.IsNullOrWhiteSpace(o.CodeVersion) ? DefaultCodeVersion : o.CodeVersion,
            ["platform"] = "dotnet",
            ["language"] = "c#",
            ["framework"] = "aspnetcore",
            ["level"] = report.Level,
            ["timestamp"] = new DateTimeOffset(report.Timestamp).ToUnixTimeSeconds(),
            ["uuid"] = report.Uuid.ToString(),
            ["context"] = report.Route ?? report.Category,
            // Rollbar reads the innermost exception last: a chain when there are inner exceptions.
            ["body"] = traces.Count == 1
                ? new JsonObject { ["trace"] = traces[0]!.DeepClone() }
                : new JsonObject { ["trace_chain"] = traces },
            ["notifier"] = new JsonObject { ["name"] = "techinterviewcoach", ["version"] = "1" },
        };
        if (report.Method is not null)
        {
            var req = new JsonObject { ["url"] = report.Path, ["method"] = report.Method };
            if (report.Route is not null) req["route"] = report.Route;
            data["request"] = req;
        }
        if (report.UserId is not null) data["person"] = new JsonObject { ["id"] = report.UserId };
        return new JsonObject { ["data"] = data };
    }
}
