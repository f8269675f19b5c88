using System.Text;
using System.Text.RegularExpressions;

namespace GatewayPortal.Search.Crawling;

/// <summary>Picks the text encoding of an HTML page: BOM, then the Content-Type charset, then a &lt;meta&gt; prescan, else UTF-8.</summary>
internal static partial class HtmlCharset
{
    static HtmlCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Detect(ReadOnlySpan<byte> content, string? headerCharset)
    {
        if (content.StartsWith("\xEF\xBB\xBF"u8))
        {
            return Encoding.UTF8;
        }

        if (Resolve(headerCharset) is { } fromHeader)
        {
            return fromHeader;
        }

        // Meta tags are ASCII, so a Latin-1 view of the first bytes is enough to find them.
        var head = Encoding.Latin1.GetString(content[..Math.Min(content.Length, 4096)]);
        var match = MetaCharset().Match(head);
        return (match.Success ? Resolve(match.Groups["cs"].Value) : null) ?? Encoding.UTF8;
    }

    /// <summary>Maps a charset label to an encoding; EUC-KR labels map to CP949, its superset, as browsers do.</summary>
    public static Encoding? Resolve(string? label)
    {
        var name = label?.Trim().Trim('"', '\'').ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (name is "euc-kr" or "euckr" or "ks_c_5601-1987" or "ks_c_5601" or "korean" or "cp949" or "windows-949" or "x-windows-949" or "uhc")
        {
            return Encoding.GetEncoding(949);
        }

        try
        {
            var encoding = Encoding.GetEncoding(name);
            // UTF-16 declared in a meta tag is always wrong for a byte-oriented prescan (WHATWG rule).
            return encoding is UnicodeEncoding ? Encoding.UTF8 : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<cs>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MetaCharset();
}
