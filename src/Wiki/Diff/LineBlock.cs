namespace GatewayPortal.Wiki.Diff;

/// <summary>A changed stretch of lines: <c>OldCount</c> lines at <c>OldStart</c> replaced by <c>NewCount</c> at <c>NewStart</c> (0-based).</summary>
internal readonly record struct LineBlock(int OldStart, int OldCount, int NewStart, int NewCount);
