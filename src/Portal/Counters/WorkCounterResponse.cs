using GatewayPortal.Identity.Applications.Counters;

namespace GatewayPortal.Portal.Counters;

/// <summary>The answer to a counters request: how many items were applied and which were refused, with reasons.</summary>
/// <param name="Accepted">Items written (value 0 included: those counters are removed).</param>
/// <param name="RejectedCount">How many items were refused.</param>
/// <param name="Rejected">The refused items in request order.</param>
public sealed record WorkCounterResponse(int Accepted, int RejectedCount, IReadOnlyList<WorkCounterRejection> Rejected);
