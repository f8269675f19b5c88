namespace GatewayPortal.Portal.Http;

/// <summary>Open-redirect guard: only paths on this site are followed.</summary>
public static class LocalUrl
{
    /// <summary>
    /// Longest URL followed: 8 KiB, what a request line may carry (Kestrel's and nginx's default), so that an
    /// authorization request sent to the login page (its state, nonce and the re-authentication marker) comes back whole.
    /// </summary>
    public const int MaxLength = 8 * 1024;

    /// <summary>
    /// True for "/path", "/path?query" and "~/path"; false for absolute URLs, scheme-relative
    /// "//host", "/\host", control characters and anything empty or too long.
    /// </summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength)
        {
            return false;
        }

        if (url.Any(char.IsControl))
        {
            return false;
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        }

        return url.Length > 1 && url[0] == '~' && url[1] == '/' && (url.Length == 2 || (url[2] != '/' && url[2] != '\\'));
    }

    /// <summary>The URL when local, else "/".</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
