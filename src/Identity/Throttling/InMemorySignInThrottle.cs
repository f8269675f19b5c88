using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Throttling;

/// <summary>
/// Sliding-window failure counters held in this node's memory (see <see cref="SignInThrottleOptions"/> for the policy).
/// With several nodes each node counts on its own, so an account gets at most N × limit tries per window across N nodes.
/// </summary>
internal sealed class InMemorySignInThrottle(IOptionsMonitor<SignInThrottleOptions> options, TimeProvider timeProvider) : ISignInThrottle
{
    private const int SweepEvery = 4096;

    // An account's overall failures only feed the delay, which stops growing long before this many.
    private const int MaxCountedPerAccount = 1024;

    private readonly ConcurrentDictionary<string, FailureCounter> _counters = new(StringComparer.Ordinal);
    private int _operations;

    public ThrottleState Check(IReadOnlyCollection<string> accountKeys, string? ipAddress)
    {
        ArgumentNullException.ThrowIfNull(accountKeys);
        var o = options.CurrentValue;
        var now = timeProvider.GetUtcNow();
        var state = State(ThrottleKey.ForClient(ipAddress), now);
        var failures = 0;
        foreach (var key in accountKeys)
        {
            state = state.Combine(State(ThrottleKey.ForAccountFromClient(key, ipAddress), now));
            failures = Math.Max(failures, _counters.TryGetValue(ThrottleKey.ForAccountEverywhere(key), out var all) ? all.Count(now, o.FailureWindow) : 0);
        }

        return state with { Delay = DelayAfter(failures, o) };
    }

    public ThrottleState GetClientState(string? ipAddress) => State(ThrottleKey.ForClient(ipAddress), timeProvider.GetUtcNow());

    public ThrottleState RecordFailure(IReadOnlyCollection<string> accountKeys, string? ipAddress)
    {
        ArgumentNullException.ThrowIfNull(accountKeys);
        var o = options.CurrentValue;
        var now = timeProvider.GetUtcNow();
        var state = ThrottleState.Open;
        foreach (var key in accountKeys.Distinct(StringComparer.Ordinal))
        {
            state = state.Combine(Fail(ThrottleKey.ForAccountFromClient(key, ipAddress), now, o.MaxFailuresPerAccountAndClient, o.AccountLockout, o.FailureWindow));
            Fail(ThrottleKey.ForAccountEverywhere(key), now, MaxCountedPerAccount, lockout: null, o.FailureWindow);
        }

        state = state.Combine(Fail(ThrottleKey.ForClient(ipAddress), now, o.MaxFailuresPerClient, o.ClientLockout, o.FailureWindow));
        MaybeSweep(now, o.FailureWindow);
        return state;
    }

    public void Reset(IReadOnlyCollection<string> accountKeys, string? ipAddress)
    {
        ArgumentNullException.ThrowIfNull(accountKeys);
        foreach (var key in accountKeys)
        {
            _counters.TryRemove(ThrottleKey.ForAccountFromClient(key, ipAddress), out _);
        }
    }

    /// <summary>The account-wide delay after <paramref name="failures"/> failures: base × 2^(failures − threshold), capped.</summary>
    internal static TimeSpan DelayAfter(int failures, SignInThrottleOptions o)
    {
        if (failures < o.AccountDelayAfterFailures || o.AccountDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - o.AccountDelayAfterFailures, 20);
        var delay = o.AccountDelay * (1L << doublings);
        return delay < o.AccountDelayMax ? delay : o.AccountDelayMax;
    }

    private ThrottleState State(string key, DateTimeOffset now) =>
        _counters.TryGetValue(key, out var counter) ? counter.State(now) : ThrottleState.Open;

    private ThrottleState Fail(string key, DateTimeOffset now, int max, TimeSpan? lockout, TimeSpan window) =>
        _counters.GetOrAdd(key, static _ => new FailureCounter()).Fail(now, max, lockout, window);

    private void MaybeSweep(DateTimeOffset now, TimeSpan window)
    {
        if (Interlocked.Increment(ref _operations) % SweepEvery != 0)
        {
            return;
        }

        foreach (var (key, counter) in _counters)
        {
            if (counter.IsIdle(now, window))
            {
                _counters.TryRemove(key, out _);
            }
        }
    }
}
