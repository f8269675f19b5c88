using System.Globalization;
using System.Text;
using GatewayPortal.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>One script-injection attempt: its number, family and text.</summary>
public sealed record XssPayload(int Id, string Family, string Text)
{
    /// <summary>A short, printable form for failure messages.</summary>
    public override string ToString() => $"#{Id} [{Family}] {Text.Replace("\n", "\\n", StringComparison.Ordinal)}";
}

/// <summary>
/// The XSS corpus: the hand-written families in Payloads/xss.txt plus generated variants (every hostile URL spelling
/// in every place a URL can sit, and event handlers across tags and quoting styles).
/// </summary>
public static class XssPayloads
{
    /// <summary>Hostile URL spellings: scheme case, entities, whitespace and control characters, data: and vbscript:.</summary>
    private static readonly string[] HostileUrls =
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "jAvAsCrIpT:alert(1)",
        " javascript:alert(1)",
        "\u0001javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java&#x09;script:alert(1)",
        "java&#13;script:alert(1)",
        "javascript&#58;alert(1)",
        "javascript&#x3A;alert(1)",
        "javascript&colon;alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)",
        "javascript&NewLine;:alert(1)",
        "javascript://%0Aalert(1)",
        "javascript:/**/alert(1)",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:image/svg+xml,<svg onload=alert(1)>",
        "livescript:alert(1)",
        "ja\u00ADvascript:alert(1)",
        "\uFF4A\uFF41\uFF56\uFF41\uFF53\uFF43\uFF52\uFF49\uFF50\uFF54\uFF1Aalert(1)",
    ];

    /// <summary>Places a URL can sit, in Markdown and in raw HTML; {0} is the URL.</summary>
    private static readonly string[] UrlContexts =
    [
        "[링크]({0})",
        "[링크](<{0}>)",
        "[링크]({0} \"제목\")",
        "![그림]({0})",
        "<{0}>",
        "[참조][u]\n\n[u]: {0}",
        "<a href=\"{0}\">링크</a>",
        "<a href='{0}'>링크</a>",
        "<img src=\"{0}\">",
        "<iframe src=\"{0}\"></iframe>",
        "<svg><a xlink:href=\"{0}\"><text y=\"20\">링크</text></a></svg>",
        "<form><button formaction=\"{0}\">보내기</button></form>",
        "<object data=\"{0}\"></object>",
        "<meta http-equiv=\"refresh\" content=\"0;url={0}\">",
        "<base href=\"{0}\">",
        "<math href=\"{0}\">링크</math>",
    ];

    private static readonly string[] HandlerTags = ["img src=x", "svg", "video src=x", "details open", "input autofocus", "body", "iframe", "div tabindex=1 autofocus"];

    private static readonly string[] Handlers = ["onerror", "onload", "onfocus", "ontoggle", "onmouseover", "onbegin"];

    private static readonly Lazy<IReadOnlyList<XssPayload>> s_all = new(Load);

    /// <summary>Every payload, numbered from 1.</summary>
    public static IReadOnlyList<XssPayload> All => s_all.Value;

    /// <summary>Where the hand-written file lives in the repository.</summary>
    public static string FilePath => Path.Combine(RepositoryRoot.Path, "tests", "Portal.IntegrationTests", "Security", "Payloads", "xss.txt");

    /// <summary>Decodes the file's tokens ({NL}, {TAB}, {CR}, {NUL}, {U+XXXX}).</summary>
    public static string Decode(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var builder = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '{' && line.IndexOf('}', i) is var end and > 0 && Token(line[(i + 1)..end]) is { } value)
            {
                builder.Append(value);
                i = end;
            }
            else
            {
                builder.Append(line[i]);
            }
        }

        return builder.ToString();
    }

    private static string? Token(string name) => name switch
    {
        "NL" => "\n",
        "TAB" => "\t",
        "CR" => "\r",
        "NUL" => "\0",
        _ when name.StartsWith("U+", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) => char.ConvertFromUtf32(code),
        _ => null,
    };

    private static List<XssPayload> Load()
    {
        var texts = new List<(string Family, string Text)>();
        var family = "misc";
        foreach (var line in File.ReadLines(FilePath, Encoding.UTF8))
        {
            if (line.StartsWith(";; family:", StringComparison.Ordinal))
            {
                family = line[";; family:".Length..].Trim();
            }
            else if (line.Length > 0 && !line.StartsWith(";;", StringComparison.Ordinal))
            {
                texts.Add((family, Decode(line)));
            }
        }

        foreach (var context in UrlContexts)
        {
            foreach (var url in HostileUrls)
            {
                texts.Add(("url-matrix", string.Format(CultureInfo.InvariantCulture, context, url)));
            }
        }

        foreach (var tag in HandlerTags)
        {
            foreach (var handler in Handlers)
            {
                texts.Add(("handler-matrix", $"<{tag} {handler}=alert(1)>"));
                texts.Add(("handler-matrix", $"<{tag} {handler.ToUpperInvariant()}=\"alert(1)\">"));
            }
        }

        return [.. texts.DistinctBy(t => t.Text, StringComparer.Ordinal).Select((t, i) => new XssPayload(i + 1, t.Family, t.Text))];
    }
}
