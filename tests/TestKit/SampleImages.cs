using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace TechInterviewCoach.TestKit;

/// <summary>
/// Small images for photo tests, drawn with SkiaSharp: JPEG, PNG and WebP of any size, a JPEG carrying EXIF (a description
/// and GPS position, an orientation), and a JPEG whose header declares far more pixels than its few bytes hold (a
/// decompression bomb's header).
/// </summary>
public static class SampleImages
{
    public static byte[] Jpeg(int width, int height) => Encode(Draw(width, height, SKColors.SteelBlue, SKColors.Orange), SKEncodedImageFormat.Jpeg);
    public static byte[] Png(int width, int height) => Encode(Draw(width, height, SKColors.SeaGreen, SKColors.White), SKEncodedImageFormat.Png);
    public static byte[] Webp(int width, int height) => Encode(Draw(width, height, SKColors.Purple, SKColors.Gold), SKEncodedImageFormat.Webp);

    /// <summary>A JPEG whose left half is <paramref name="left"/> and right half <paramref name="right"/>.</summary>
    public static byte[] Halves(int width, int height, SKColor left, SKColor right)
    {
        var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(right);
            using var paint = new SKPaint { Color = left };
            canvas.DrawRect(0, 0, width / 2f, height, paint);
        }
        return Encode(bitmap, SKEncodedImageFormat.Jpeg);
    }

    /// <summary>
    /// The JPEG with an EXIF block (APP1) after its header: an ImageDescription of <paramref name="description"/>, an
    /// Orientation (1 = upright, 6 = stored lying on its left side) and a GPS position (52°31'12"N 13°24'18"E).
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, string description, int orientation = 1)
    {
        var tiff = new List<byte>();
        void U16(int v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v); tiff.AddRange(b); }
        void U32(long v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, (uint)v); tiff.AddRange(b); }
        void Entry(int tag, int type, int count, long value) { U16(tag); U16(type); U32(count); U32(value); }
        var text = Encoding.ASCII.GetBytes(description + "\0");
        const int ifd0 = 8, ifd0Size = 2 + 3 * 12 + 4;
        var textAt = ifd0 + ifd0Size;
        var gpsAt = textAt + text.Length + (text.Length % 2);
        const int gpsSize = 2 + 4 * 12 + 4;
        var latAt = gpsAt + gpsSize;
        var lonAt = latAt + 24;
        tiff.AddRange("MM"u8.ToArray()); U16(42); U32(ifd0);
        U16(3);
        Entry(0x010E, 2, text.Length, textAt);                 // ImageDescription
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0); // Orientation (SHORT, in the entry)
        Entry(0x8825, 4, 1, gpsAt);                            // GPS IFD
        U32(0);
        tiff.AddRange(text);
        if (text.Length % 2 == 1) tiff.Add(0);
        U16(4);
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray()); // GPSLatitudeRef
        Entry(0x0002, 5, 3, latAt);                                        // GPSLatitude
        U16(0x0003); U16(2); U32(2); tiff.AddRange("E\0\0\0"u8.ToArray()); // GPSLongitudeRef
        Entry(0x0004, 5, 3, lonAt);                                        // GPSLongitude
        U32(0);
        foreach (var v in new[] { 52, 31, 12 }) { U32(v); U32(1); }
        foreach (var v in new[] { 13, 24, 18 }) { U32(v); U32(1); }

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF; segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        // After SOI, and after a JFIF APP0 segment if there is one.
        var at = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0) at = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        return jpeg[..at].Concat(segment).Concat(jpeg[at..]).ToArray();
    }

    /// <summary>A small JPEG whose frame header (SOF) claims <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    public static byte[] DeclaringSize(int width, int height)
    {
        var jpeg = Jpeg(64, 64);
        for (var i = 2; i < jpeg.Length - 9; i++)
        {
            if (jpeg[i] != 0xFF || jpeg[i + 1] is not (0xC0 or 0xC1 or 0xC2)) continue;
            BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), (ushort)height);
            BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), (ushort)width);
            return jpeg;
        }
        throw new InvalidOperationException("No frame header in the JPEG.");
    }

    /// <summary>Width, height and format of encoded image bytes, read by their content.</summary>
    public static (int Width, int Height, string Format) Describe(byte[] image)
    {
        using var codec = SKCodec.Create(new MemoryStream(image)) ?? throw new InvalidOperationException("Not an image.");
        return (codec.Info.Width, codec.Info.Height, codec.EncodedFormat.ToString().ToLowerInvariant());
    }

    /// <summary>The colour of one pixel of encoded image bytes.</summary>
    public static SKColor PixelAt(byte[] image, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(image);
        return bitmap.GetPixel(x, y);
    }

    private static SKBitmap Draw(int width, int height, SKColor background, SKColor dot)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(background);
        using var paint = new SKPaint { Color = dot, IsAntialias = true };
        canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 4f, paint);
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using (bitmap)
        using (var image = SKImage.FromBitmap(bitmap))
        using (var data = image.Encode(format, 90))
            return data.ToArray();
    }
}
