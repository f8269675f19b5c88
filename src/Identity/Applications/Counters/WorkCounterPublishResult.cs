namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>What a counters request did.</summary>
/// <param name="Accepted">Items written (zero values included: they remove the counter).</param>
/// <param name="Rejected">Items refused, with reasons, in request order.</param>
public sealed record WorkCounterPublishResult(int Accepted, IReadOnlyList<WorkCounterRejection> Rejected);
