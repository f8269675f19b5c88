using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Identity.Telemetry;

/// <summary>
/// Logs a repeating failure once per window with a count, not once per request. The first occurrence of a key is
/// logged by the caller in full (<see cref="ShouldLog"/> answers true: the stack trace goes out once); later ones in the
/// window are only counted, and when the window ends one line says "… repeated N times in the last S s". A key that
/// stays quiet for a whole window is forgotten, so its next occurrence is logged in full again.
/// </summary>
/// <remarks>
/// During a 20 s database outage each node used to write ~4,700 stack traces, one per request; with this it writes
/// one per kind of failure and a summary per window. Thread-safe; a summary is written by a timer, or by the next
/// occurrence if the timer has not run yet.
/// </remarks>
public sealed partial class RepeatedFailureLog : IDisposable
{
    /// <summary>The default window.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(30);

    /// <summary>Most keys followed at once; beyond that every occurrence is logged (a flood of distinct failures is news).</summary>
    public const int MaxKeys = 1_000;

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ITimer _timer;

    /// <summary>Counts repeats per key for <paramref name="window"/>; summaries go to <paramref name="logger"/>.</summary>
    public RepeatedFailureLog(ILogger logger, TimeProvider time, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _logger = logger;
        _time = time;
        _window = window ?? DefaultWindow;
        if (_window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), "The window must be positive.");
        }

        _timer = time.CreateTimer(_ => Flush(), null, _window, _window);
    }

    /// <summary>
    /// True when this occurrence of <paramref name="key"/> (a short description of the failure, e.g. its exception type
    /// and message) should be logged in full; false when it was counted for the window's summary instead.
    /// </summary>
    public bool ShouldLog(string key, LogLevel level = LogLevel.Error)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetTimestamp();
        Summary? due = null;
        bool log;
        lock (_entries)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                if (_time.GetElapsedTime(entry.WindowStarted, now) >= _window)
                {
                    due = entry.TakeSummary(key, _time.GetElapsedTime(entry.WindowStarted, now), now);
                    if (due is null)
                    {
                        // A quiet window: the failure is news again.
                        entry.WindowStarted = now;
                        entry.Level = level;
                        log = true;
                    }
                    else
                    {
                        entry.Suppressed = 1;
                        log = false;
                    }
                }
                else
                {
                    entry.Suppressed++;
                    log = false;
                }
            }
            else
            {
                if (_entries.Count < MaxKeys)
                {
                    _entries[key] = new Entry { WindowStarted = now, Level = level };
                }

                log = true;
            }
        }

        if (due is { } summary)
        {
            Write(summary);
        }

        return log;
    }

    /// <summary>Writes the summaries of every window that has ended, and forgets keys that stayed quiet.</summary>
    public void Flush()
    {
        var now = _time.GetTimestamp();
        List<Summary>? due = null;
        lock (_entries)
        {
            foreach (var (key, entry) in _entries)
            {
                var elapsed = _time.GetElapsedTime(entry.WindowStarted, now);
                if (elapsed < _window)
                {
                    continue;
                }

                if (entry.TakeSummary(key, elapsed, now) is { } summary)
                {
                    (due ??= []).Add(summary);
                }
                else
                {
                    _entries.Remove(key);
                }
            }
        }

        foreach (var summary in due ?? [])
        {
            Write(summary);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _timer.Dispose();
        Flush();
    }

    private void Write(Summary summary) =>
        LogRepeated(_logger, summary.Level, summary.Key, summary.Count, Math.Round(summary.Elapsed.TotalSeconds).ToString(CultureInfo.InvariantCulture));

    [LoggerMessage(EventId = 9000, EventName = "FailureRepeated", Message = "{Failure} repeated {Count} times in the last {Seconds} s")]
    private static partial void LogRepeated(ILogger logger, LogLevel level, string failure, long count, string seconds);

    private sealed class Entry
    {
        public long WindowStarted { get; set; }

        public long Suppressed { get; set; }

        public LogLevel Level { get; set; }

        // The window's count (null when nothing repeated) and a fresh window.
        public Summary? TakeSummary(string key, TimeSpan elapsed, long now)
        {
            if (Suppressed == 0)
            {
                return null;
            }

            var summary = new Summary(key, Suppressed, elapsed, Level);
            Suppressed = 0;
            WindowStarted = now;
            return summary;
        }
    }

    private readonly record struct Summary(string Key, long Count, TimeSpan Elapsed, LogLevel Level);
}
