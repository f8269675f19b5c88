namespace GatewayPortal.Wiki.Diff;

/// <summary>
/// One row of the side-by-side view. <see cref="Old"/> is null for <see cref="DiffRowKind.Inserted"/>, <see cref="New"/> is null for
/// <see cref="DiffRowKind.Deleted"/>, and both are null for <see cref="DiffRowKind.Collapsed"/>, which carries <see cref="CollapsedLines"/>.
/// </summary>
public sealed record DiffRow(DiffRowKind Kind, DiffSide? Old, DiffSide? New, int CollapsedLines = 0);
