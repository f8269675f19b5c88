namespace GatewayPortal.Wiki.Diff;

/// <summary>Replaces long runs of context rows with a <see cref="DiffRowKind.Collapsed"/> marker, keeping N rows next to each change.</summary>
internal static class ContextCollapser
{
    public static List<DiffRow> Collapse(List<DiffRow> rows, int contextLines)
    {
        var result = new List<DiffRow>(rows.Count);
        var i = 0;
        while (i < rows.Count)
        {
            if (rows[i].Kind != DiffRowKind.Context)
            {
                result.Add(rows[i++]);
                continue;
            }

            var end = i;
            while (end < rows.Count && rows[end].Kind == DiffRowKind.Context)
            {
                end++;
            }

            var keepHead = i > 0 ? contextLines : 0;
            var keepTail = end < rows.Count ? contextLines : 0;
            var hidden = end - i - keepHead - keepTail;
            if (hidden > 0)
            {
                result.AddRange(rows.GetRange(i, keepHead));
                result.Add(new DiffRow(DiffRowKind.Collapsed, null, null, hidden));
                result.AddRange(rows.GetRange(end - keepTail, keepTail));
            }
            else
            {
                result.AddRange(rows.GetRange(i, end - i));
            }

            i = end;
        }

        return result;
    }
}
