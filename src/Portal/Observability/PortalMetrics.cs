using System.Diagnostics.Metrics;

namespace GatewayPortal.Portal.Observability;

/// <summary>
/// The portal host's own metrics (meter <see cref="MeterName"/>): running sessions (a cached count, see
/// <see cref="ActiveSessionsRefresher"/>), counters API items accepted and refused, and requests the portal's APIs
/// refused for their bearer token.
/// </summary>
public sealed class PortalMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "GatewayPortal.Portal";

    private readonly Counter<long> _counterItems;
    private readonly Counter<long> _apiRefusals;
    private long _activeSessions = -1;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public PortalMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("gatewayportal.sessions.active", ObserveSessions, "{session}",
            "Running portal sessions in the cluster (the same on every node: don't add the nodes up), refreshed periodically.");
        _counterItems = meter.CreateCounter<long>("gatewayportal.counters.items", "{item}",
            "Work counter items sent through the counters API, by result (accepted or rejected).");
        _apiRefusals = meter.CreateCounter<long>("gatewayportal.api.refusals", "{request}",
            "API requests refused for their bearer token (missing, invalid, wrong scope, application not allowed), by API and reason.");
    }

    /// <summary>Sets the running sessions' count (from <see cref="ActiveSessionsRefresher"/>).</summary>
    public void SetActiveSessions(long count) => Interlocked.Exchange(ref _activeSessions, count);

    /// <summary>Counts the items of one counters API request.</summary>
    public void CounterItems(int accepted, int rejected)
    {
        _counterItems.Add(accepted, new KeyValuePair<string, object?>("result", "accepted"));
        _counterItems.Add(rejected, new KeyValuePair<string, object?>("result", "rejected"));
    }

    /// <summary>Counts an API request refused for its token; <paramref name="reason"/> is the error code sent (few, fixed values).</summary>
    public void ApiRefused(string api, string reason) =>
        _apiRefusals.Add(1, new KeyValuePair<string, object?>("api", api), new KeyValuePair<string, object?>("reason", reason));

    // Nothing until the first count: a gauge of -1 would read as a number.
    private IEnumerable<Measurement<long>> ObserveSessions()
    {
        var count = Interlocked.Read(ref _activeSessions);
        return count < 0 ? [] : [new Measurement<long>(count)];
    }
}
