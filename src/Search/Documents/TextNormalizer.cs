using System.Text;

namespace GatewayPortal.Search.Documents;

/// <summary>Normalises titles and hosts into keyword form (NFKC, lower case, single spaces).</summary>
internal static class TextNormalizer
{
    public static string Keyword(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>The host and each parent domain with at least two labels, so <c>site:</c> matches subdomains.</summary>
    public static IEnumerable<string> HostSuffixes(string host)
    {
        var current = host;
        while (true)
        {
            yield return current;
            var dot = current.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || current.IndexOf('.', dot + 1) < 0)
            {
                yield break;
            }

            current = current[(dot + 1)..];
        }
    }
}
