namespace GatewayPortal.Testing;

/// <summary>What <see cref="Eventually.TryUntilAsync{T}"/> saw: whether the condition held, the last value probed, and how long it waited.</summary>
public sealed record Polled<T>(bool Met, T Last, TimeSpan Waited);
