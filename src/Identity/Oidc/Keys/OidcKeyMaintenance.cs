using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Identity.Oidc.Keys;

/// <summary>Makes sure keys exist before the first request, then follows the rotation schedule hourly.</summary>
internal sealed partial class OidcKeyMaintenance(OidcKeyRing ring, TimeProvider time, ILogger<OidcKeyMaintenance> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private ITimer? _timer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ring.RefreshAsync(cancellationToken).ConfigureAwait(false);
        _timer = time.CreateTimer(_ => _ = RefreshAsync(), null, Interval, Interval);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    private async Task RefreshAsync()
    {
        try
        {
            await ring.RefreshAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Keys in force stay in force; the next tick tries again.
            LogRefreshFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the OIDC keys failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
