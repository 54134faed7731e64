using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TechInterviewCoach.Integrations.Infrastructure;

/// <summary>The port the email sender uses; the only implementation talks to Resend.</summary>
internal interface IEmailGateway
{
    /// <summary>Sends one email; returns the vendor's id (null when it answered 2xx without a readable id).</summary>
    /// <exception cref="EmailTransientException">Worth retrying later (429, 5xx, timeout, network).</exception>
    /// <exception cref="PermanentFailureException">Refused (4xx): retrying cannot help.</exception>
    Task<string?> SendAsync(OutgoingEmail email, string idempotencyKey, CancellationToken cancellationToken);
}

internal sealed record OutgoingEmail(string From, string To, string Subject, string Html, string Text, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>Retrying may help: the outbox tries again later with the same idempotency key.</summary>
internal sealed class EmailTransientException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>POST {Resend:ApiBase}/emails (https://resend.com/docs/api-reference/emails/send-email).</summary>
internal sealed class ResendClient(HttpClient http, IOptions<ResendOptions> options) : IEmailGateway
{
    /// <summary>The shared web defaults: every field of <see cref="SendRequest"/> is set, so no null reaches Resend.</summary>
    private static JsonSerializerOptions Json => JsonDefaults.Web;

    private sealed record SendRequest(
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("to")] string[] To,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("html")] string Html,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("attachments"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SendAttachment[]? Attachments);

    /// <summary>Resend's Attachment: the file's bytes as base64 in <c>content</c>.</summary>
    private sealed record SendAttachment(
        [property: JsonPropertyName("filename")] string FileName,
        [property: JsonPropertyName("content")] string Content,
        [property: JsonPropertyName("content_type")] string ContentType);

    public async Task<string?> SendAsync(OutgoingEmail email, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "emails")
        {
            Content = JsonContent.Create(new SendRequest(email.From, [email.To], email.Subject, email.Html, email.Text,
                email.Attachments is { Count: > 0 } files ? files.Select(f => new SendAttachment(f.FileName, Convert.ToBase64String(f.Content), f.ContentType)).ToArray() : null), options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        request.Headers.Add("Idempotency-Key", idempotencyKey);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmailTransientException("Resend did not answer in time.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new EmailTransientException($"Resend could not be reached ({ex.HttpRequestError}).", ex);
        }

        using (response)
        {
            var body = await ReadBodyAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return TryRead(body, "id");
            var (name, message) = (TryRead(body, "name"), TryRead(body, "message"));
            var reason = Scrub.Text($"Resend answered {status}{(name is null ? "" : " " + name)}{(message is null ? "" : ": " + message)}", 500);
            if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
                throw new EmailTransientException(reason);
            throw new PermanentFailureException(reason);
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return text.Length > 4000 ? text[..4000] : text;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return "";
        }
    }

    /// <summary>A string property of a JSON object body; null for anything else (garbage is tolerated).</summary>
    private static string? TryRead(string body, string property)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
