using GatewayPortal.Identity.Sessions;

namespace GatewayPortal.Portal.Observability;

/// <summary>
/// Counts the running sessions every <c>Metrics:ActiveSessionsRefresh</c> (default 30 s) for the
/// <c>gatewayportal_sessions_active</c> gauge: one COUNT per node per period, never a query per scrape. While the
/// database is down the last count stays.
/// </summary>
internal sealed partial class ActiveSessionsRefresher(
    ISessionRegistry sessions, PortalMetrics metrics, TimeProvider time, ILogger<ActiveSessionsRefresher> logger, TimeSpan period) : BackgroundService
{
    /// <summary>The refresh period's key.</summary>
    public const string RefreshKey = "Metrics:ActiveSessionsRefresh";

    /// <summary>The period <c>Metrics:ActiveSessionsRefresh</c> sets (default 30 s).</summary>
    /// <exception cref="InvalidOperationException">Not a time span between 0.1 s and 1 h; the message names the key.</exception>
    public static TimeSpan PeriodFrom(IConfiguration configuration)
    {
        var value = configuration[RefreshKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return TimeSpan.FromSeconds(30);
        }

        return TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var period)
            && period >= TimeSpan.FromMilliseconds(100) && period <= TimeSpan.FromHours(1)
            ? period
            : throw new InvalidOperationException($"{RefreshKey} '{value}' must be a time between 00:00:00.1 and 01:00:00 (e.g. 00:00:30).");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                var page = await sessions.ListActiveAsync(new ActiveSessionQuery(null, 1, 1), stoppingToken).ConfigureAwait(false);
                metrics.SetActiveSessions(page.Total);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database's own failure is logged where it happens (once per window during an outage).
                LogRefreshFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Debug, Message = "Could not count the running sessions: {Error}")]
    private static partial void LogRefreshFailed(ILogger logger, string error);
}
