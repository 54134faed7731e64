using SkiaSharp;

namespace TechInterviewCoach.Matching.Domain;

/// <summary>A coach photo as it is stored and served: WebP, square, at most <see cref="PhotoImage.Side"/> pixels a side, no metadata.</summary>
internal sealed record EncodedPhoto(byte[] Bytes, int Width, int Height)
{
    public const string ContentType = "image/webp";

    /// <summary>The content's fingerprint: the ETag and the URL's version.</summary>
    public string Version { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes))[..16];
}

/// <summary>
/// Reads an uploaded (or LinkedIn's) picture by its content, whatever its name or declared type: JPEG, PNG or WebP only,
/// the pixel count from the header checked before anything is decoded (a small file can declare a huge image), then turned
/// upright (EXIF orientation), cropped to the centre square, scaled down and encoded anew as WebP. Nothing of the original
/// file survives the re-encode: no EXIF, GPS, XMP, ICC or comment.
/// </summary>
internal static class PhotoImage
{
    public const long MaxBytes = 2 * 1024 * 1024;
    public const long MaxPixels = 25_000_000;
    public const int Side = 256;
    private const int Quality = 82;

    public const string TooLargeMessage = "The photo is larger than 2 MB. Please choose a smaller photo.";
    public const string NotImageMessage = "This file is not a JPEG, PNG or WebP image. Please choose a photo in one of these formats.";

    public static EncodedPhoto Reencode(byte[] content)
    {
        if (content.Length == 0) throw Reject("photo_empty", "The file is empty. Please choose a photo.");
        if (content.Length > MaxBytes) throw Reject("photo_too_large", TooLargeMessage);
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
            throw Reject("photo_not_image", NotImageMessage);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0) throw Reject("photo_not_image", NotImageMessage);
        if ((long)width * height > MaxPixels)
            throw Reject("photo_too_many_pixels", $"The photo has {width}×{height} pixels; at most {MaxPixels / 1_000_000} megapixels are accepted. Please choose a smaller photo.");

        using var decoded = Decode(codec);
        using var turned = codec.EncodedOrigin == SKEncodedOrigin.TopLeft ? null : Upright(decoded, codec.EncodedOrigin);
        var upright = turned ?? decoded;
        var square = Math.Min(upright.Width, upright.Height);
        var side = Math.Min(Side, square);
        using var surface = SKSurface.Create(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("No surface for a photo.");
        using (var image = SKImage.FromBitmap(upright))
        {
            var source = SKRect.Create((upright.Width - square) / 2f, (upright.Height - square) / 2f, square, square);
            surface.Canvas.Clear(SKColors.Transparent);
            surface.Canvas.DrawImage(image, source, SKRect.Create(side, side), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Webp, Quality) ?? throw new InvalidOperationException("WebP encoding failed.");
        return new EncodedPhoto(encoded.ToArray(), side, side);
    }

    /// <summary>Decodes at the smallest size the codec offers (JPEG and WebP scale while decoding) that still covers the square.</summary>
    private static SKBitmap Decode(SKCodec codec)
    {
        var shorter = Math.Min(codec.Info.Width, codec.Info.Height);
        var size = codec.Info.Size;
        if (shorter > Side)
        {
            var scaled = codec.GetScaledDimensions((float)Side / shorter);
            if (Math.Min(scaled.Width, scaled.Height) >= Side) size = scaled;
        }
        var bitmap = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result is not SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw Reject("photo_not_image", "This image is damaged or incomplete. Please choose the photo again, or another one.");
        }
        return bitmap;
    }

    /// <summary>The picture as it is meant to be seen: the EXIF orientation applied (a phone's portrait photo is stored lying on its side).</summary>
    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        float w = bitmap.Width, h = bitmap.Height;
        // Where each stored pixel (x, y) lands: out = (scaleX·x + skewX·y + transX, skewY·x + scaleY·y + transY).
        var m = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var upright = new SKBitmap(new SKImageInfo(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(upright);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(m);
        canvas.DrawBitmap(bitmap, 0, 0);
        return upright;
    }

    private static InputException Reject(string code, string message) => new(code, "photo", message);
}
