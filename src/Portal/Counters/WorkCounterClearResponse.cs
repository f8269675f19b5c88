namespace GatewayPortal.Portal.Counters;

/// <summary>The answer to clearing a counter key for everyone.</summary>
/// <param name="Key">The key cleared.</param>
/// <param name="Removed">How many people's counters were removed.</param>
public sealed record WorkCounterClearResponse(string Key, int Removed);
