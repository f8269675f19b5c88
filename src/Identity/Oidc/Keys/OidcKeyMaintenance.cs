using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Oidc.Keys;

/// <summary>
/// Makes sure keys exist before the first request, then follows the rotation schedule hourly and, every
/// <see cref="OidcProviderOptions.KeyRefreshInterval"/>, looks whether the key table changed (the operator's
/// <c>keys rotate</c>/<c>keys retire</c>, or another node): a rotated or retired key takes effect on every node within that interval.
/// </summary>
internal sealed partial class OidcKeyMaintenance(OidcKeyRing ring, IOptions<OidcProviderOptions> options, TimeProvider time, ILogger<OidcKeyMaintenance> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan ScheduleInterval = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim _running = new(1, 1);
    private ITimer? _timer;
    private long _lastScheduleRun;
    private int _failures;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ring.RefreshAsync(cancellationToken).ConfigureAwait(false);
        _lastScheduleRun = time.GetTimestamp();
        var interval = options.Value.KeyRefreshInterval;
        _timer = time.CreateTimer(_ => _ = TickAsync(), null, interval, interval);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _running.Dispose();
    }

    private async Task TickAsync()
    {
        if (!await _running.WaitAsync(0).ConfigureAwait(false))
        {
            return; // The previous tick still runs (a slow database).
        }

        try
        {
            if (time.GetElapsedTime(_lastScheduleRun) >= ScheduleInterval)
            {
                await ring.RefreshAsync().ConfigureAwait(false);
                _lastScheduleRun = time.GetTimestamp();
            }
            else
            {
                await ring.RefreshIfChangedAsync().ConfigureAwait(false);
            }

            _failures = 0;
        }
        catch (Exception ex)
        {
            // Keys in force stay in force; the next tick tries again. Logged once per run of failures, not every tick.
            if (_failures++ == 0)
            {
                LogRefreshFailed(logger, ex);
            }
        }
        finally
        {
            _running.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the OIDC keys failed; the keys in force stay in force until the database answers")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
