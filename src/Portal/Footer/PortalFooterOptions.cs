namespace GatewayPortal.Portal.Footer;

/// <summary>The footer every page shows (<c>Portal:Footer</c>): help desk, privacy policy, accessibility statement, copyright.</summary>
public sealed class PortalFooterOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Portal:Footer";

    /// <summary>The IT help desk.</summary>
    public HelpDeskOptions HelpDesk { get; set; } = new();

    /// <summary>The privacy policy (개인정보처리방침): an absolute http(s) URL or a local path such as <c>/wiki/…</c>.</summary>
    public string? PrivacyPolicyUrl { get; set; }

    /// <summary>The accessibility statement (웹 접근성 정책 / 품질인증): an absolute http(s) URL or a local path.</summary>
    public string? AccessibilityUrl { get; set; }

    /// <summary>The copyright line in Korean.</summary>
    public string? CopyrightKo { get; set; }

    /// <summary>The copyright line in English (the Korean one when empty).</summary>
    public string? CopyrightEn { get; set; }

    /// <summary>True for an absolute http(s) URL or a local path ("/…", not "//…").</summary>
    public static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2048 || url.Any(char.IsControl))
        {
            return false;
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.UserInfo.Length == 0;
    }
}
