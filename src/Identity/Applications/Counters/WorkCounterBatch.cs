namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>A parsed request: its items and the ttl (seconds) for items that name none.</summary>
/// <param name="Items">The items, in request order.</param>
/// <param name="Ttl">The request-level ttl in seconds, if given.</param>
public sealed record WorkCounterBatch(IReadOnlyList<WorkCounterItem> Items, int? Ttl);
