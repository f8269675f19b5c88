namespace GatewayPortal.Search.Snippets;

/// <summary>Chooses the excerpt window that covers the most distinct matched words.</summary>
internal static class SnippetWindow
{
    /// <summary>Returns [start, end) of at most <paramref name="maxChars"/> characters.</summary>
    public static (int Start, int End) Choose(string body, List<TextSpan> spans, int maxChars, int lead)
    {
        if (spans.Count == 0 || body.Length <= maxChars)
        {
            return (0, Math.Min(body.Length, maxChars));
        }

        var keys = spans.Select(s => body[s.Start..s.End].ToLowerInvariant()).ToArray();
        var inWindow = new Dictionary<string, int>(StringComparer.Ordinal);
        var (bestStart, bestScore) = (0, -1);
        var right = 0;
        for (var left = 0; left < spans.Count; left++)
        {
            var start = Math.Max(0, spans[left].Start - lead);
            right = Math.Max(right, left);
            while (right < spans.Count && spans[right].End <= start + maxChars)
            {
                inWindow[keys[right]] = inWindow.GetValueOrDefault(keys[right]) + 1;
                right++;
            }

            // Distinct words dominate; the number of matches breaks ties.
            var score = (inWindow.Count * 1000) + (right - left);
            if (score > bestScore)
            {
                (bestStart, bestScore) = (start, score);
            }

            if (right > left && --inWindow[keys[left]] == 0)
            {
                inWindow.Remove(keys[left]);
            }
        }

        var end = Math.Min(body.Length, bestStart + maxChars);
        return (Math.Max(0, Math.Min(bestStart, end - maxChars)), end);
    }
}
