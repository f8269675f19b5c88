namespace GatewayPortal.Wiki.Diff;

/// <summary>A run of text within a diff line; <paramref name="Changed"/> runs are highlighted.</summary>
public sealed record DiffSegment(string Text, bool Changed);
