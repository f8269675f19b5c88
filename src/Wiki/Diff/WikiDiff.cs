namespace GatewayPortal.Wiki.Diff;

/// <summary>A line diff of two texts, with word-level segments inside modified lines.</summary>
/// <param name="Rows">The side-by-side rows in order, with unchanged stretches collapsed.</param>
/// <param name="LinesAdded">Lines only in the new text (modified lines count once here and once in <paramref name="LinesRemoved"/>).</param>
/// <param name="LinesRemoved">Lines only in the old text.</param>
/// <param name="WordLevelSkipped">True when some changed lines exceeded the word-diff budget and are highlighted as whole lines.</param>
/// <param name="LineDiffSimplified">
/// True when the texts were too large and different for a line diff: the differing middle is shown as deleted then inserted.
/// </param>
public sealed record WikiDiff(IReadOnlyList<DiffRow> Rows, int LinesAdded, int LinesRemoved, bool WordLevelSkipped, bool LineDiffSimplified)
{
    /// <summary>True when the texts are identical.</summary>
    public bool IsEmpty => LinesAdded == 0 && LinesRemoved == 0;

    /// <summary>The rows as an inline view: each modified row becomes its deleted line followed by its inserted line.</summary>
    public IEnumerable<InlineDiffLine> ToInline()
    {
        foreach (var row in Rows)
        {
            if (row.Old is { } old && row.Kind != DiffRowKind.Inserted)
            {
                var kind = row.Kind == DiffRowKind.Modified ? DiffRowKind.Deleted : row.Kind;
                yield return new InlineDiffLine(kind, old.LineNumber, row.Kind == DiffRowKind.Context ? row.New?.LineNumber : null, old.Segments);
            }

            if (row.New is { } added && row.Kind is DiffRowKind.Inserted or DiffRowKind.Modified)
            {
                yield return new InlineDiffLine(DiffRowKind.Inserted, null, added.LineNumber, added.Segments);
            }

            if (row.Kind == DiffRowKind.Collapsed)
            {
                yield return new InlineDiffLine(DiffRowKind.Collapsed, null, null, [], row.CollapsedLines);
            }
        }
    }
}
