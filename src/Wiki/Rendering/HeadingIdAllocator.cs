namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// Hands out distinct heading ids the way Markdig's GitHub auto-identifiers do (<c>same</c>, <c>same-1</c>, <c>same-2</c>, …),
/// but remembers the next suffix to try for each base id, so n equal headings cost O(n) look-ups instead of O(n²).
/// </summary>
internal sealed class HeadingIdAllocator
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<string, uint> _nextSuffix = new(StringComparer.Ordinal);

    /// <summary>How many candidate ids were tried so far (for tests of the linear bound).</summary>
    public long Probes { get; private set; }

    public string Allocate(string baseId)
    {
        Probes++;
        if (_used.Add(baseId))
        {
            return baseId;
        }

        // Ids are never released, so every suffix below the remembered one is still taken.
        var suffix = _nextSuffix.GetValueOrDefault(baseId, 1u);
        string candidate;
        while (!_used.Add(candidate = string.Concat(baseId, "-", suffix.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Probes++;
            suffix++;
        }

        Probes++;
        _nextSuffix[baseId] = suffix + 1;
        return candidate;
    }
}
