using GatewayPortal.Boards.Departments;
using GatewayPortal.Cluster;
using GatewayPortal.Identity.OrgChart;

namespace GatewayPortal.Portal.Boards;

/// <summary>
/// Keeps one notice board per department: each time the org chart cache holds a new snapshot, the node holding the
/// <see cref="LeaseName"/> lease hands its departments to <see cref="IBoardAdmin.SyncDepartmentsAsync"/> (creates,
/// renames, archives and restores department boards). Other nodes skip that snapshot; the holder's sync reaches the shared
/// database for all of them.
/// </summary>
internal sealed partial class DepartmentBoardSync(
    IOrgChart orgChart,
    ILeaseService leases,
    IServiceScopeFactory scopeFactory,
    TimeProvider time,
    ILogger<DepartmentBoardSync> logger) : BackgroundService
{
    /// <summary>The cluster lease that lets one node sync at a time.</summary>
    public const string LeaseName = "boards.department-sync";

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(15);

    // Until the first snapshot is synced (the chart loads in the background at start), look every second.
    private static readonly TimeSpan FirstPoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    private OrgChartSnapshot? _synced;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncIfChangedAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The database may be down for a while: try again at the next poll, with the same snapshot.
                LogFailed(logger, exception);
            }

            await Task.Delay(_synced is null ? FirstPoll : Poll, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Syncs when the cache holds a snapshot this node has not synced yet; returns what changed, or null.</summary>
    internal async Task<DepartmentSyncResult?> SyncIfChangedAsync(CancellationToken cancellationToken)
    {
        var snapshot = orgChart.Current;
        if (snapshot is null || ReferenceEquals(snapshot, _synced) || snapshot.Departments.Count == 0)
        {
            return null;
        }

        if (!await leases.TryAcquireAsync(LeaseName, LeaseDuration, cancellationToken))
        {
            _synced = snapshot;
            return null;
        }

        try
        {
            var departments = snapshot.Departments.Select(d => new DepartmentEntry(d.Code, d.Name, d.ParentCode)).ToList();
            await using var scope = scopeFactory.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IBoardAdmin>().SyncDepartmentsAsync(departments, cancellationToken);
            _synced = snapshot;
            LogSynced(logger, departments.Count, result.Created, result.Renamed, result.Archived, result.Restored, result.Skipped);
            return result;
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Department boards synced from {Departments} departments: {Created} created, {Renamed} renamed, {Archived} archived, {Restored} restored, {Skipped} skipped")]
    private static partial void LogSynced(ILogger logger, int departments, int created, int renamed, int archived, int restored, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Department boards could not be synced from the org chart; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
