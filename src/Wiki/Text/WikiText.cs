using System.Security.Cryptography;
using System.Text;

namespace GatewayPortal.Wiki.Text;

/// <summary>Canonical form, size and hash of page text.</summary>
public static class WikiText
{
    /// <summary>The largest page text accepted on save: 2 MiB of UTF-8, as MediaWiki's default.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>
    /// The stored form of page text: NFC, <c>\n</c> line endings and no trailing whitespace at the end (as MediaWiki trims),
    /// so that diff, blame and merge compare like with like.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").TrimEnd();
        return lines.IsNormalized(NormalizationForm.FormC) ? lines : lines.Normalize(NormalizationForm.FormC);
    }

    /// <summary>The UTF-8 size of <paramref name="text"/> in bytes.</summary>
    public static int Utf8Size(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>The lower-case hex SHA-256 of the UTF-8 text; equal hashes identify reverts.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Splits text into lines on any line ending; empty text has no lines.</summary>
    public static string[] SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? [] : text.ReplaceLineEndings("\n").Split('\n');
    }
}
