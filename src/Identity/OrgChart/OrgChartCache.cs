using System.Diagnostics;
using GatewayPortal.Identity.Directory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.OrgChart;

/// <summary>The in-memory org chart, refreshed by a background loop (on start, then every <see cref="LdapOptions.OrgChartRefreshInterval"/>).</summary>
internal sealed class OrgChartCache(IOrgChartReader reader, IOptions<LdapOptions> options, TimeProvider time, ILogger<OrgChartCache> logger)
    : BackgroundService, IOrgChart
{
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private OrgChartSnapshot? _current;

    /// <inheritdoc/>
    public OrgChartSnapshot? Current => Volatile.Read(ref _current);

    /// <inheritdoc/>
    public async Task<OrgChartSnapshot?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Current is { } current)
        {
            return current;
        }

        try
        {
            await _firstLoad.Task.WaitAsync(options.Value.OrgChartFirstLoadWait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Still loading: the caller shows a "loading" message.
        }

        return Current;
    }

    /// <inheritdoc/>
    public IReadOnlyList<OrgDepartmentInfo> ListDepartments() => Current?.Departments ?? [];

    /// <inheritdoc/>
    public async Task<OrgChartSnapshot> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var snapshot = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, snapshot);
            _firstLoad.TrySetResult();
            logger.LogInformation(
                "Org chart loaded: {Departments} departments ({Source}), {People} people in {Elapsed} ms",
                snapshot.DepartmentCount, snapshot.Source, snapshot.PeopleCount, stopwatch.ElapsedMilliseconds);
            return snapshot;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _refreshing.Dispose();
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield so host start-up is not held by the first reading.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DirectoryUnavailableException or System.DirectoryServices.Protocols.DirectoryException or TimeoutException)
            {
                logger.LogWarning(ex, "Org chart: reading the directory failed; keeping the snapshot of {LoadedAt}", Current?.LoadedAt);
            }

            try
            {
                await Task.Delay(options.Value.OrgChartRefreshInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
