namespace GatewayPortal.Wiki.Merge;

/// <summary>The outcome of a three-way merge: <see cref="MergedText"/> when clean, otherwise the <see cref="Conflicts"/>.</summary>
public sealed record MergeResult(string? MergedText, IReadOnlyList<MergeConflict> Conflicts)
{
    /// <summary>True when the merge needs no human decision.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(MergedText))]
    public bool IsClean => MergedText is not null;
}
