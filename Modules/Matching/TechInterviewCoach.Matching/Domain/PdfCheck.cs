using System.Text;

namespace TechInterviewCoach.Matching.Domain;

/// <summary>Checks by content that a file is a whole PDF: a %PDF-1.x or %PDF-2.x header (ISO 32000-1 and -2) and an %%EOF trailer near the end.</summary>
internal static class PdfCheck
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const string TooLargeMessage = "The file is larger than 5 MB. Please upload a smaller PDF.";

    public static void Ensure(byte[] content)
    {
        if (content.Length == 0) throw Reject("cv_empty", "The file is empty. Choose your CV as a PDF.");
        if (content.Length > MaxBytes) throw Reject("cv_too_large", TooLargeMessage);
        var head = content.AsSpan(0, Math.Min(content.Length, 1024));
        if (!HasHeader(head))
        {
            if (head.StartsWith("MZ"u8) || head.StartsWith(new byte[] { 0x7F, 0x45, 0x4C, 0x46 }))
                throw Reject("cv_not_pdf", "This file is a program, not a PDF. Please upload your CV as a PDF.");
            if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }) || head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) || head.StartsWith("GIF8"u8))
                throw Reject("cv_not_pdf", "This file is an image, not a PDF. Please upload your CV as a PDF.");
            var text = Encoding.ASCII.GetString(head).TrimStart('\uFEFF', ' ', '\r', '\n', '\t').ToLowerInvariant();
            if (text.StartsWith('<') || text.Contains("<html") || text.Contains("<script"))
                throw Reject("cv_not_pdf", "This file is a web page (HTML), not a PDF. Please upload your CV as a PDF.");
            throw Reject("cv_not_pdf", "This file is not a PDF. Please upload your CV as a PDF.");
        }
        var tail = content.AsSpan(Math.Max(0, content.Length - 1024));
        if (tail.IndexOf("%%EOF"u8) < 0)
            throw Reject("cv_truncated", "This PDF looks incomplete (it has no end marker). Please export it again and upload the whole file.");
    }

    private static InputException Reject(string code, string message) => new(code, "file", message);

    /// <summary>"%PDF-" then the version: major 1 (PDF 1.0–1.7) or 2 (PDF 2.0, ISO 32000-2), a dot, a digit.</summary>
    private static bool HasHeader(ReadOnlySpan<byte> head) =>
        head.Length >= 8 && head.StartsWith("%PDF-"u8) && head[5] is (byte)'1' or (byte)'2' && head[6] == (byte)'.' && char.IsAsciiDigit((char)head[7]);

    /// <summary>Keeps a display name: the last path segment, safe characters only, ending in .pdf.</summary>
    public static string SanitiseName(string? name)
    {
        var last = Path.GetFileName((name ?? "").Replace('\\', '/').Split('/').Last());
        var safe = new string(last.Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ').ToArray()).Trim(' ', '.');
        if (safe.Length == 0) safe = "cv";
        if (safe.Length > 100) safe = safe[..100];
        if (!safe.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) safe += ".pdf";
        return safe;
    }
}
