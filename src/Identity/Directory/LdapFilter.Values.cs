using System.Text;

namespace GatewayPortal.Identity.Directory;

internal sealed partial class LdapFilter
{
    /// <summary>
    /// Prepares a directory string for a case-ignoring comparison the way <c>caseIgnoreMatch</c> does (RFC 4518):
    /// Unicode compatibility normalisation (NFKC), no leading or trailing spaces, inner runs of spaces as one.
    /// The caller compares the results with <see cref="StringComparison.OrdinalIgnoreCase"/>.
    /// </summary>
    internal static string NormalizeValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normalized = IsNormalizedKc(value) ? value : value.Normalize(NormalizationForm.FormKC);
        var trimmed = normalized.AsSpan().Trim();
        if (!HasSpaceRun(trimmed))
        {
            return trimmed.Length == normalized.Length ? normalized : trimmed.ToString();
        }

        var builder = new StringBuilder(trimmed.Length);
        var previousSpace = false;
        foreach (var c in trimmed)
        {
            var space = char.IsWhiteSpace(c);
            if (!space || !previousSpace)
            {
                builder.Append(space ? ' ' : c);
            }

            previousSpace = space;
        }

        return builder.ToString();
    }

    private static bool IsNormalizedKc(string value)
    {
        try
        {
            return value.IsNormalized(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates: not normalisable; compare as they are.
            return true;
        }
    }

    private static bool HasSpaceRun(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsWhiteSpace(value[i]) && (value[i] != ' ' || (i + 1 < value.Length && char.IsWhiteSpace(value[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }
}
