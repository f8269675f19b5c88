using System.Diagnostics;

namespace GatewayPortal.Testing;

/// <summary>
/// Waits for something another thread, process or node does, by polling it: the one way tests wait. The timeout is
/// patience, not a measurement: a test asserts what happened, never how fast (bounds belong in bench/). Waiting ends
/// with the test (its cancellation token).
/// </summary>
public static class Eventually
{
    /// <summary>How long to wait between two probes unless a caller says otherwise.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Probes until <paramref name="done"/> holds for the value and returns that value; fails at the timeout naming <paramref name="because"/> and the last value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string because, TimeSpan? interval = null)
    {
        var polled = await TryUntilAsync(probe, done, timeout, interval).ConfigureAwait(false);
        if (!polled.Met)
        {
            Assert.Fail($"Waited {polled.Waited.TotalSeconds:F1} s (timeout {timeout.TotalSeconds:F1} s) for: {because}. Last value: {Describe(polled.Last)}");
        }

        return polled.Last;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails at the timeout naming <paramref name="because"/>.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string because, TimeSpan? interval = null) =>
        UntilAsync(condition, met => met, timeout, because, interval);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails at the timeout naming <paramref name="because"/>.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string because, TimeSpan? interval = null) =>
        UntilAsync(() => Task.FromResult(condition()), met => met, timeout, because, interval);

    /// <summary>
    /// Probes until <paramref name="done"/> holds for the value or the timeout passes, and says which, with the last value:
    /// for a caller whose own assertion on that value says more than a timeout would.
    /// </summary>
    public static async Task<Polled<T>> TryUntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe().ConfigureAwait(false);
            if (done(value))
            {
                return new Polled<T>(true, value, clock.Elapsed);
            }

            if (clock.Elapsed >= timeout)
            {
                return new Polled<T>(false, value, clock.Elapsed);
            }

            await Task.Delay(interval ?? DefaultInterval, TestContext.Current.CancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Like <see cref="TryUntilAsync{T}"/> for a condition without a value.</summary>
    public static async Task<bool> TryUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? interval = null) =>
        (await TryUntilAsync(condition, met => met, timeout, interval).ConfigureAwait(false)).Met;

    private static string Describe<T>(T value) => value switch
    {
        null => "(null)",
        string text => text.Length > 500 ? text[..500] + "…" : text,
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Take(20)) + "]",
        _ => value.ToString() ?? "",
    };
}
