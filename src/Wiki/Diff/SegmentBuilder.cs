namespace GatewayPortal.Wiki.Diff;

/// <summary>Collects diff segments, merging neighbours with the same highlight.</summary>
internal sealed class SegmentBuilder
{
    private readonly List<DiffSegment> _segments = [];

    public void Add(string text, bool changed)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (_segments.Count > 0 && _segments[^1].Changed == changed)
        {
            _segments[^1] = new DiffSegment(_segments[^1].Text + text, changed);
            return;
        }

        _segments.Add(new DiffSegment(text, changed));
    }

    public IReadOnlyList<DiffSegment> Build() => _segments;
}
