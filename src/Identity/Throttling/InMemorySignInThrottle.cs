using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Throttling;

/// <summary>
/// Sliding-window failure counters held in this node's memory. With several nodes each node
/// counts on its own, so an account gets at most N × limit tries per window across N nodes.
/// </summary>
internal sealed class InMemorySignInThrottle(IOptionsMonitor<SignInThrottleOptions> options, TimeProvider timeProvider) : ISignInThrottle
{
    private const int SweepEvery = 4096;
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private int _operations;

    public ThrottleState GetAccountState(string key) => State(key);

    public ThrottleState GetClientState(string? ipAddress) => State(ThrottleKey.ForClient(ipAddress));

    public ThrottleState RecordFailure(IReadOnlyCollection<string> accountKeys, string? ipAddress)
    {
        ArgumentNullException.ThrowIfNull(accountKeys);
        var o = options.CurrentValue;
        var now = timeProvider.GetUtcNow();
        var state = ThrottleState.Open;
        foreach (var key in accountKeys.Distinct(StringComparer.Ordinal))
        {
            state = state.Combine(Fail(key, now, o.MaxFailuresPerAccount, o.AccountLockout, o.FailureWindow));
        }

        state = state.Combine(Fail(ThrottleKey.ForClient(ipAddress), now, o.MaxFailuresPerClient, o.ClientLockout, o.FailureWindow));
        MaybeSweep(now, o.FailureWindow);
        return state;
    }

    public void Reset(IReadOnlyCollection<string> accountKeys)
    {
        ArgumentNullException.ThrowIfNull(accountKeys);
        foreach (var key in accountKeys)
        {
            _counters.TryRemove(key, out _);
        }
    }

    private ThrottleState State(string key) =>
        _counters.TryGetValue(key, out var counter) ? counter.State(timeProvider.GetUtcNow()) : ThrottleState.Open;

    private ThrottleState Fail(string key, DateTimeOffset now, int max, TimeSpan lockout, TimeSpan window) =>
        _counters.GetOrAdd(key, static _ => new Counter()).Fail(now, max, lockout, window);

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

    private sealed class Counter
    {
        private readonly Queue<DateTimeOffset> _failures = new();
        private DateTimeOffset? _lockedUntil;

        public ThrottleState State(DateTimeOffset now)
        {
            lock (_failures)
            {
                return _lockedUntil > now ? new ThrottleState(true, _lockedUntil) : ThrottleState.Open;
            }
        }

        public ThrottleState Fail(DateTimeOffset now, int max, TimeSpan lockout, TimeSpan window)
        {
            lock (_failures)
            {
                if (_lockedUntil > now)
                {
                    return new ThrottleState(true, _lockedUntil);
                }

                Trim(now, window);
                _failures.Enqueue(now);
                if (_failures.Count < max)
                {
                    return ThrottleState.Open;
                }

                _failures.Clear();
                _lockedUntil = now + lockout;
                return new ThrottleState(true, _lockedUntil);
            }
        }

        public bool IsIdle(DateTimeOffset now, TimeSpan window)
        {
            lock (_failures)
            {
                Trim(now, window);
                return _failures.Count == 0 && !(_lockedUntil > now);
            }
        }

        private void Trim(DateTimeOffset now, TimeSpan window)
        {
            while (_failures.Count > 0 && now - _failures.Peek() >= window)
            {
                _failures.Dequeue();
            }
        }
    }
}
