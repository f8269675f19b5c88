namespace GatewayPortal.Wiki.Merge;

/// <summary>
/// A hunk both sides changed differently. Starts are 0-based line indexes into each text; <see cref="MergedStart"/> is where the
/// hunk sits in the merge so far, so the UI can show base, mine and theirs side by side in place.
/// </summary>
public sealed record MergeConflict(
    int MergedStart,
    int BaseStart,
    IReadOnlyList<string> BaseLines,
    int MineStart,
    IReadOnlyList<string> MineLines,
    int TheirsStart,
    IReadOnlyList<string> TheirsLines);
