namespace GatewayPortal.Boards.Attachments;

/// <summary>
/// Which files a notice may carry: office documents, PDF, HWP, text, ZIP and raster images, each at most 20 MB, at most 10
/// per post. The extension decides the stored content type; the first bytes must match the kind for the types that have a
/// signature, and no file may start like HTML, SVG/XML or an executable.
/// </summary>
public static class AttachmentPolicy
{
    /// <summary>Largest file.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>Most files per post.</summary>
    public const int MaxFiles = 10;

    /// <summary>Longest file name kept.</summary>
    public const int MaxNameLength = 255;

    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif = "GIF8"u8.ToArray();
    private static readonly byte[] Riff = "RIFF"u8.ToArray();
    private static readonly byte[] Webp = "WEBP"u8.ToArray();
    private static readonly byte[] Elf = [0x7F, 0x45, 0x4C, 0x46];
    private static readonly byte[] MachO = [0xCF, 0xFA, 0xED, 0xFE];
    private static readonly byte[] MachOBig = [0xFE, 0xED, 0xFA, 0xCF];

    private static readonly Dictionary<string, (string ContentType, Func<byte[], bool> Sniff)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", b => StartsWith(b, Pdf)),
        [".hwp"] = ("application/x-hwp", b => StartsWith(b, Ole)),
        [".hwpx"] = ("application/hwp+zip", b => StartsWith(b, Zip)),
        [".doc"] = ("application/msword", b => StartsWith(b, Ole)),
        [".xls"] = ("application/vnd.ms-excel", b => StartsWith(b, Ole)),
        [".ppt"] = ("application/vnd.ms-powerpoint", b => StartsWith(b, Ole)),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b => StartsWith(b, Zip)),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b => StartsWith(b, Zip)),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", b => StartsWith(b, Zip)),
        [".zip"] = ("application/zip", b => StartsWith(b, Zip)),
        [".txt"] = ("text/plain", IsPlainText),
        [".png"] = ("image/png", b => StartsWith(b, Png)),
        [".jpg"] = ("image/jpeg", b => StartsWith(b, Jpeg)),
        [".jpeg"] = ("image/jpeg", b => StartsWith(b, Jpeg)),
        [".gif"] = ("image/gif", b => StartsWith(b, Gif)),
        [".webp"] = ("image/webp", b => StartsWith(b, Riff) && b.Length >= 12 && b.AsSpan(8, 4).SequenceEqual(Webp)),
    };

    /// <summary>The extensions accepted, for the form's <c>accept</c> attribute and its help text.</summary>
    public static IReadOnlyCollection<string> Extensions => Kinds.Keys;

    /// <summary>The file name without any path, trimmed; empty when nothing is left.</summary>
    public static string CleanName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        return new string([.. name.Where(c => !char.IsControl(c))]);
    }

    /// <summary>Checks one upload; on success <paramref name="contentType"/> is the type to store.</summary>
    public static AttachmentProblem Check(NoticeUpload upload, out string contentType)
    {
        ArgumentNullException.ThrowIfNull(upload);
        contentType = "application/octet-stream";
        var name = CleanName(upload.FileName);
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return AttachmentProblem.BadName;
        }

        if (!Kinds.TryGetValue(Path.GetExtension(name), out var kind))
        {
            return AttachmentProblem.TypeNotAllowed;
        }

        if (upload.Bytes.Length == 0)
        {
            return AttachmentProblem.Empty;
        }

        if (upload.Bytes.Length > MaxFileBytes)
        {
            return AttachmentProblem.TooLarge;
        }

        if (LooksDangerous(upload.Bytes) || !kind.Sniff(upload.Bytes))
        {
            return AttachmentProblem.ContentMismatch;
        }

        contentType = kind.ContentType;
        return AttachmentProblem.None;
    }

    /// <summary>
    /// Whether a stored type may be served under its own name: images and PDF are still sent as attachments, everything else
    /// that a browser could render (text) is served as <c>application/octet-stream</c>.
    /// </summary>
    public static string ServedContentType(string storedContentType) => storedContentType switch
    {
        "text/plain" => "application/octet-stream",
        _ when storedContentType.StartsWith("image/", StringComparison.Ordinal) || storedContentType == "application/pdf" => storedContentType,
        _ when Kinds.Values.Any(k => k.ContentType == storedContentType) => storedContentType,
        _ => "application/octet-stream",
    };

    private static bool StartsWith(byte[] bytes, byte[] prefix) => bytes.AsSpan().StartsWith(prefix);

    // Executables (MZ, ELF, Mach-O, shebang scripts) and markup a browser would run, whatever the name says.
    private static bool LooksDangerous(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith("MZ"u8) || bytes.AsSpan().StartsWith(Elf) || bytes.AsSpan().StartsWith("#!"u8)
            || bytes.AsSpan().StartsWith(MachO) || bytes.AsSpan().StartsWith(MachOBig))
        {
            return true;
        }

        var head = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        return head.StartsWith("<!doctype", StringComparison.Ordinal) || head.StartsWith("<html", StringComparison.Ordinal)
            || head.StartsWith("<svg", StringComparison.Ordinal) || head.StartsWith("<?xml", StringComparison.Ordinal)
            || head.StartsWith("<script", StringComparison.Ordinal);
    }

    // Text: no NUL bytes in the first 8 KB (UTF-8, UTF-16 with BOM excluded as rare for notices).
    private static bool IsPlainText(byte[] bytes) => bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).IndexOf((byte)0) < 0;
}
