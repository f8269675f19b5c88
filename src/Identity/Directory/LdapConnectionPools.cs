using System.Net;
using GatewayPortal.Identity.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Directory;

/// <summary>The two pools: service-bound connections for searches, and connections for user binds.</summary>
internal sealed class LdapConnectionPools : IDisposable
{
    private static readonly Lock ThreadPoolGate = new();

    public LdapConnectionPools(LdapServerSet servers, IOptions<LdapOptions> options, ILogger<LdapConnectionPools> logger, IdentityMetrics? metrics = null)
    {
        var value = options.Value;
        EnsureMinimumWorkerThreads(2 * value.PoolSize + Environment.ProcessorCount, value.PoolSize, logger);
        foreach (var server in servers.Servers.Where(s => !s.IsLdaps && !value.UseStartTls && !s.IsLoopback))
        {
            logger.LogWarning(
                "Passwords travel unencrypted to {Server}: use an ldaps:// URL or Directory:UseStartTls=true outside a protected network segment",
                server.Url);
        }

        Search = new LdapConnectionPool("search", servers, value, new NetworkCredential(value.ServiceBindDn, value.ServiceBindPassword), logger, metrics);
        Bind = new LdapConnectionPool("bind", servers, value, serviceCredential: null, logger, metrics);
    }

    public LdapConnectionPool Search { get; }

    public LdapConnectionPool Bind { get; }

    public void Dispose()
    {
        Search.Dispose();
        Bind.Dispose();
    }

    /// <summary>
    /// Every LDAP call blocks a thread-pool thread (S.DS.P is synchronous). With both pools busy, a cold start would
    /// otherwise wait for the pool to inject threads one at a time, stalling sign-ins for seconds. Never lowers the minimum.
    /// </summary>
    internal static void EnsureMinimumWorkerThreads(int wanted, int poolSize, ILogger logger)
    {
        lock (ThreadPoolGate)
        {
            ThreadPool.GetMinThreads(out var workers, out var completionPorts);
            if (workers >= wanted)
            {
                return;
            }

            ThreadPool.GetMaxThreads(out var maxWorkers, out _);
            var minimum = Math.Min(wanted, maxWorkers);
            if (minimum > workers && ThreadPool.SetMinThreads(minimum, completionPorts))
            {
                logger.LogInformation(
                    "Raised the thread pool's minimum worker threads from {Previous} to {Minimum} for blocking LDAP calls (two pools of {PoolSize} connections)",
                    workers, minimum, poolSize);
            }
            else
            {
                logger.LogWarning("Could not raise the thread pool's minimum worker threads from {Previous} to {Wanted}; a cold start may stall", workers, wanted);
            }
        }
    }
}
