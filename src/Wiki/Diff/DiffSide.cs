namespace GatewayPortal.Wiki.Diff;

/// <summary>One side of a diff row: a 1-based line number and its segments.</summary>
public sealed record DiffSide(int LineNumber, IReadOnlyList<DiffSegment> Segments)
{
    /// <summary>The whole line.</summary>
    public string Text => string.Concat(Segments.Select(s => s.Text));
}
