namespace GatewayPortal.Identity.Throttling;

/// <summary>Failure times within a sliding window, and a lock once there are too many.</summary>
internal sealed class FailureCounter
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

    public int Count(DateTimeOffset now, TimeSpan window)
    {
        lock (_failures)
        {
            Trim(now, window);
            return _failures.Count;
        }
    }

    /// <summary>
    /// Counts a failure. With a <paramref name="lockout"/>, the <paramref name="max"/>th failure in the window locks;
    /// without one, only the last <paramref name="max"/> failures are kept.
    /// </summary>
    public ThrottleState Fail(DateTimeOffset now, int max, TimeSpan? lockout, TimeSpan window)
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

            if (lockout is not { } duration)
            {
                _failures.Dequeue();
                return ThrottleState.Open;
            }

            _failures.Clear();
            _lockedUntil = now + duration;
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
