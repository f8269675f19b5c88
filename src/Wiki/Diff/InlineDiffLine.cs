namespace GatewayPortal.Wiki.Diff;

/// <summary>
/// One line of the inline (unified) view: <see cref="DiffRowKind.Context"/>, <see cref="DiffRowKind.Deleted"/>,
/// <see cref="DiffRowKind.Inserted"/> or <see cref="DiffRowKind.Collapsed"/> (never Modified: a modified row becomes a deleted and an inserted line).
/// </summary>
public sealed record InlineDiffLine(DiffRowKind Kind, int? OldLineNumber, int? NewLineNumber, IReadOnlyList<DiffSegment> Segments, int CollapsedLines = 0);
