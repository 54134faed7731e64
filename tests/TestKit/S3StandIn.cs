using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TechInterviewCoach.TestKit;

/// <summary>
/// A local S3-compatible object store for tests (there is no MinIO here): a real Kestrel server on 127.0.0.1 that
/// answers PutObject, GetObject, DeleteObject, HeadObject and HeadBucket the way AWSSDK.S3 sends them, path-style
/// (<c>/{bucket}/{key}</c>). Every request must carry a SigV4 Authorization header for <see cref="AccessKey"/> whose
/// signature, computed with <see cref="SecretKey"/>, matches (403 <c>InvalidAccessKeyId</c> / <c>SignatureDoesNotMatch</c>
/// otherwise); a missing key is 404 with S3's XML error body (<c>NoSuchKey</c>). aws-chunked bodies are decoded.
/// Set <see cref="Unreachable"/> to drop every connection, as a store that is down would.
/// </summary>
public sealed class S3StandIn : IAsyncDisposable
{
    public const string AccessKey = "TICTESTACCESSKEY";
    public const string SecretKey = "tic-test-secret-0123456789-never-logged";
    public const string Region = "eu-test-1";

    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private StandIn _http = null!;

    private S3StandIn(string bucket) => Bucket = bucket;

    public string Bucket { get; }
    public Uri ServiceUrl => _http.BaseAddress;
    /// <summary>Every request received (method, path, headers, body as text), in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _http.Requests;
    /// <summary>When true, every connection is dropped without an answer.</summary>
    public bool Unreachable { get; set; }

    /// <summary>The objects in the bucket, by key (without the bucket).</summary>
    public IReadOnlyDictionary<string, byte[]> Objects => _objects.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);

    /// <summary>The settings that point an app at this store.</summary>
    public IReadOnlyDictionary<string, string?> Settings(string? bucket = null) => new Dictionary<string, string?>
    {
        ["Storage:S3:ServiceUrl"] = ServiceUrl.ToString().TrimEnd('/'),
        ["Storage:S3:Bucket"] = bucket ?? Bucket,
        ["Storage:S3:AccessKey"] = AccessKey,
        ["Storage:S3:SecretKey"] = SecretKey,
        ["Storage:S3:Region"] = Region,
        ["Storage:S3:PathStyle"] = "true",
        ["Storage:S3:TimeoutSeconds"] = "5",
    };

    public static async Task<S3StandIn> StartAsync(string bucket = "tic-files")
    {
        var store = new S3StandIn(bucket);
        store._http = await StandIn.StartAsync(app => app.Run(store.HandleAsync));
        return store;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (Unreachable)
        {
            context.Abort();
            return;
        }
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var rawPath = rawTarget.Split('?', 2)[0];
        var body = await ReadBodyAsync(context.Request);
        var (status, code) = Authenticate(context.Request, rawPath, body.Raw);
        if (status != 0)
        {
            await ErrorAsync(context, status, code, rawPath);
            return;
        }
        if (body.Decoded is null)
        {
            await ErrorAsync(context, 400, "IncompleteBody", rawPath);
            return;
        }

        var segments = rawPath.TrimStart('/').Split('/', 2);
        var bucket = Uri.UnescapeDataString(segments[0]);
        var key = segments.Length > 1 ? Uri.UnescapeDataString(segments[1]) : "";
        if (bucket != Bucket)
        {
            await ErrorAsync(context, 404, "NoSuchBucket", rawPath);
            return;
        }
        var method = context.Request.Method;
        if (key.Length == 0)
        {
            if (method == "HEAD") { context.Response.StatusCode = 200; return; }
            await ErrorAsync(context, 501, "NotImplemented", rawPath);
            return;
        }
        if (context.Request.QueryString.HasValue)
        {
            await ErrorAsync(context, 501, "NotImplemented", rawPath); // no ACLs, tagging, multipart uploads here
            return;
        }
        switch (method)
        {
            case "PUT":
                _objects[key] = body.Decoded;
                context.Response.Headers.ETag = ETag(body.Decoded);
                context.Response.StatusCode = 200;
                return;
            case "GET" or "HEAD":
                if (!_objects.TryGetValue(key, out var content))
                {
                    await ErrorAsync(context, 404, "NoSuchKey", rawPath);
                    return;
                }
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength = content.Length;
                context.Response.Headers.ETag = ETag(content);
                if (method == "GET") await context.Response.Body.WriteAsync(content);
                return;
            case "DELETE":
                _objects.TryRemove(key, out _);
                context.Response.StatusCode = 204; // S3 answers 204 whether or not the key existed
                return;
            default:
                await ErrorAsync(context, 405, "MethodNotAllowed", rawPath);
                return;
        }
    }

    private static string ETag(byte[] content) => "\"" + Convert.ToHexStringLower(MD5.HashData(content)) + "\"";

    private static async Task ErrorAsync(HttpContext context, int status, string code, string resource)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["x-amz-request-id"] = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        if (context.Request.Method == "HEAD") return; // S3 sends no body with HEAD errors
        context.Response.ContentType = "application/xml";
        var xml = new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement("Error", new XElement("Code", code), new XElement("Message", code), new XElement("Resource", resource),
                new XElement("RequestId", context.Response.Headers["x-amz-request-id"].ToString())));
        await context.Response.WriteAsync(xml.Declaration + xml.ToString(SaveOptions.DisableFormatting));
    }

    private sealed record Body(byte[] Raw, byte[]? Decoded);

    /// <summary>The body as sent, and as stored: aws-chunked framing (<c>hex-size[;chunk-signature=…]\r\n data \r\n … 0\r\n trailers</c>) removed.</summary>
    private static async Task<Body> ReadBodyAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var raw = buffer.ToArray();
        var sha = request.Headers["x-amz-content-sha256"].ToString();
        var chunked = request.Headers.ContentEncoding.ToString().Contains("aws-chunked", StringComparison.Ordinal) || sha.StartsWith("STREAMING-", StringComparison.Ordinal);
        if (!chunked) return new Body(raw, raw);
        var decoded = new MemoryStream();
        var at = 0;
        while (true)
        {
            var lineEnd = IndexOfCrLf(raw, at);
            if (lineEnd < 0) return new Body(raw, null);
            var header = Encoding.ASCII.GetString(raw, at, lineEnd - at).Split(';')[0];
            if (!int.TryParse(header, System.Globalization.NumberStyles.HexNumber, null, out var size) || size < 0) return new Body(raw, null);
            at = lineEnd + 2;
            if (size == 0) break; // trailers (checksums) follow; the decoded length is checked below
            if (at + size + 2 > raw.Length) return new Body(raw, null);
            decoded.Write(raw, at, size);
            at += size + 2;
        }
        var content = decoded.ToArray();
        var declared = request.Headers["x-amz-decoded-content-length"].ToString();
        return declared.Length > 0 && declared != content.Length.ToString() ? new Body(raw, null) : new Body(raw, content);
    }

    private static int IndexOfCrLf(byte[] data, int from)
    {
        for (var i = from; i + 1 < data.Length; i++)
            if (data[i] == '\r' && data[i + 1] == '\n') return i;
        return -1;
    }

    /// <summary>Checks the SigV4 Authorization header: 0 when it is right, else the S3 status and error code.</summary>
    private static (int Status, string Code) Authenticate(HttpRequest request, string rawPath, byte[] rawBody)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string scheme = "AWS4-HMAC-SHA256 ";
        if (!authorization.StartsWith(scheme, StringComparison.Ordinal)) return (403, "AccessDenied");
        var parts = authorization[scheme.Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders) || !parts.TryGetValue("Signature", out var signature))
            return (400, "AuthorizationHeaderMalformed");
        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[3] != "s3" || scope[4] != "aws4_request") return (400, "AuthorizationHeaderMalformed");
        if (scope[0] != AccessKey) return (403, "InvalidAccessKeyId");
        if (scope[2] != Region) return (400, "AuthorizationHeaderMalformed");

        var payloadHash = request.Headers["x-amz-content-sha256"].ToString();
        if (payloadHash.Length == 0) return (400, "InvalidRequest");
        if (payloadHash.Length == 64 && payloadHash.All(char.IsAsciiHexDigitLower) && payloadHash != Convert.ToHexStringLower(SHA256.HashData(rawBody)))
            return (400, "XAmzContentSHA256Mismatch");

        var names = signedHeaders.Split(';');
        var canonicalHeaders = string.Concat(names.Select(n => n + ":" + string.Join(",", request.Headers[n].Select(v => string.Join(' ', (v ?? "").Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)))) + "\n"));
        var query = request.Query.SelectMany(q => q.Value.Select(v => (Key: Uri.EscapeDataString(q.Key), Value: Uri.EscapeDataString(v ?? ""))))
            .OrderBy(q => q.Key, StringComparer.Ordinal).ThenBy(q => q.Value, StringComparer.Ordinal).Select(q => q.Key + "=" + q.Value);
        var canonicalRequest = string.Join('\n', request.Method, rawPath, string.Join('&', query), canonicalHeaders, signedHeaders, payloadHash);
        var amzDate = request.Headers["x-amz-date"].ToString();
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, string.Join('/', scope[1..]), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Encoding.UTF8.GetBytes("AWS4" + SecretKey);
        foreach (var part in new[] { scope[1], scope[2], scope[3], scope[4] }) key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)) ? (0, "") : (403, "SignatureDoesNotMatch");
    }

    public ValueTask DisposeAsync() => _http.DisposeAsync();
}
