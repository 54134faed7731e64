namespace TechInterviewCoach.Matching.Infrastructure;

/// <summary>
/// Fetches a coach's LinkedIn profile picture (the OpenID Connect <c>picture</c> claim Identity keeps), once, when the coach
/// chooses to use it. Only from the configured origins, without following redirects (the address came from outside),
/// and never more than <see cref="PhotoImage.MaxBytes"/>: the body is read up to one byte past the limit and no further.
/// </summary>
internal sealed class LinkedInPictures(HttpClient http, IOptions<MatchingOptions> options, ILogger<LinkedInPictures> logger)
{
    public bool IsAllowed(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && Origins(options.Value).Any(o => Uri.Compare(o, uri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);

    public async Task<byte[]> FetchAsync(string url, CancellationToken ct)
    {
        if (!IsAllowed(url)) throw new InputException("linkedin_photo_missing", "photo", "We have no LinkedIn photo of yours to use. Please upload a photo instead.");
        try
        {
            using var response = await http.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("LinkedIn picture fetch answered {Status}", (int)response.StatusCode);
                throw Unavailable();
            }
            if (response.Content.Headers.ContentLength > PhotoImage.MaxBytes) throw TooLarge();
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > PhotoImage.MaxBytes) throw TooLarge();
            }
            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning(ex, "LinkedIn picture fetch failed");
            throw Unavailable();
        }
    }

    private static IEnumerable<Uri> Origins(MatchingOptions o) =>
        o.LinkedInPictureOrigins.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Uri.TryCreate(s, UriKind.Absolute, out var u) ? u : null).OfType<Uri>();

    private static InputException TooLarge() => new("photo_too_large", "photo", "Your LinkedIn photo is larger than 2 MB. Please upload a photo instead.");

    private static UnavailableException Unavailable() =>
        new("linkedin_photo_unavailable", "LinkedIn did not send your photo just now. Please try again in a minute, or upload a photo.");
}
