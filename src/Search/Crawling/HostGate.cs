namespace GatewayPortal.Search.Crawling;

/// <summary>Per-host politeness: at most N requests at once and a minimum gap between request starts.</summary>
internal sealed class HostGate(int concurrency, TimeSpan delay, TimeProvider timeProvider)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, concurrency));
    private readonly Lock _lock = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Gap between request starts; raised to a robots.txt Crawl-delay once known.</summary>
    public TimeSpan Delay { get; set; } = delay;

    /// <summary>Waits for a free slot and for the politeness gap; dispose the result when the response is read.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = timeProvider.GetUtcNow();
                var start = _next > now ? _next : now;
                _next = start + Delay;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            return new Slot(_slots);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
