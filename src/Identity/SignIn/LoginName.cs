using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace GatewayPortal.Identity.SignIn;

/// <summary>
/// The one canonical spelling of a login (uid, mail or employee number), used for throttling, the directory
/// lookup and the audit. Compatibility forms are folded the way the directory itself matches (RFC 4518: NFKC,
/// then case-insensitive), so full-width letters typed with a Korean IME, the Kelvin sign, long s, circled or
/// mathematical letters and no-break spaces become the ASCII login they look like; whatever is still outside the
/// login alphabet afterwards (a dotted capital I, zero-width or control characters, any other script) is refused.
/// </summary>
public static class LoginName
{
    private static readonly SearchValues<char> UidCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789._-");
    private static readonly SearchValues<char> MailLocalCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789._-+%");

    /// <summary>
    /// The canonical login: NFKC, trimmed (every Unicode space), lower-case invariant, then only <c>[a-z0-9._-]</c>
    /// or an address <c>local@domain</c> (local part also <c>+</c> and <c>%</c>). False when nothing canonical remains
    /// or it is longer than <paramref name="maxLength"/>.
    /// </summary>
    public static bool TryNormalize(string? login, int maxLength, [NotNullWhen(true)] out string? canonical)
    {
        canonical = null;
        // NFKC can expand a character up to 18-fold; refuse a raw value that could only grow past the limit.
        if (string.IsNullOrWhiteSpace(login) || login.Length > maxLength * 4 || !login.IsNormalized(NormalizationForm.FormKC) && !TryFold(ref login))
        {
            return false;
        }

        var value = login.Trim().ToLowerInvariant();
        if (value.Length == 0 || value.Length > maxLength || !IsInAlphabet(value))
        {
            return false;
        }

        canonical = value;
        return true;
    }

    private static bool TryFold(ref string login)
    {
        try
        {
            login = login.Normalize(NormalizationForm.FormKC);
            return true;
        }
        catch (ArgumentException)
        {
            // Unpaired surrogates cannot be normalised: not a login.
            return false;
        }
    }

    private static bool IsInAlphabet(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return !value.AsSpan().ContainsAnyExcept(UidCharacters);
        }

        var local = value.AsSpan(0, at);
        var domain = value.AsSpan(at + 1);
        return local.Length > 0 && domain.Length > 0
            && !local.ContainsAnyExcept(MailLocalCharacters)
            && !domain.ContainsAnyExcept(UidCharacters)
            && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
