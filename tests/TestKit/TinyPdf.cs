using System.Text;

namespace TechInterviewCoach.TestKit;

/// <summary>
/// Writes small, valid PDFs for tests: one page per list of lines, Helvetica, content streams uncompressed (so a test
/// can still find a marker in the bytes), a correct cross-reference table. Also the two bad kinds a CV upload must
/// refuse: one encrypted with a password, and one whose structure is broken.
/// </summary>
public static class TinyPdf
{
    /// <summary>A PDF whose one page shows <paramref name="lines"/>, top to bottom.</summary>
    public static byte[] Text(params string[] lines) => Pages([lines]);

    /// <summary>A PDF with no text at all: one blank page, as a scan without a text layer reads.</summary>
    public static byte[] Scanned() => Pages([[]]);

    public static byte[] Pages(IReadOnlyList<string[]> pages, bool encrypted = false)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(" ", pages.Select((_, i) => $"{4 + 2 * i} 0 R"))}] /Count {pages.Count} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        };
        foreach (var lines in pages)
        {
            var content = new StringBuilder();
            var y = 800;
            foreach (var line in lines)
            {
                content.Append($"BT /F1 10 Tf 40 {y} Td ({Escape(line)}) Tj ET\n");
                y -= 14;
            }
            var pageNumber = objects.Count + 1;
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {pageNumber + 1} 0 R >>");
            objects.Add($"<< /Length {Encoding.Latin1.GetByteCount(content.ToString())} >>\nstream\n{content}endstream");
        }
        var trailerExtra = "";
        if (encrypted)
        {
            // Standard security handler, revision 2, with O and U entries that no empty password opens.
            objects.Add("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> >>");
            trailerExtra = $" /Encrypt {objects.Count} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]";
        }
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R{trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>A PDF that asks for a password.</summary>
    public static byte[] Encrypted(params string[] lines) => Pages([lines], encrypted: true);

    /// <summary>Starts and ends like a PDF, but has no readable structure between.</summary>
    public static byte[] Malformed() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nnot a pdf body\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");
}
