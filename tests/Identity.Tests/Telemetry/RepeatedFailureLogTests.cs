using GatewayPortal.Identity.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Identity.Tests.Telemetry;

public sealed class RepeatedFailureLogTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(20);

    [Fact]
    public void ShouldLog_ThousandsOfRepeatsInOneWindow_LogsTheFirstThenOneSummaryWithTheCount()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var logger = new ListLogger();
        using var repeats = new RepeatedFailureLog(logger, time, Window);

        // Act: 4,700 failures over 19 s, then the window ends.
        var logged = 0;
        for (var i = 0; i < 4_700; i++)
        {
            logged += repeats.ShouldLog("Database unavailable: NpgsqlException: Failed to connect") ? 1 : 0;
            time.Advance(TimeSpan.FromMilliseconds(4));
        }

        time.Advance(Window);

        // Assert
        Assert.Equal(1, logged);
        var summary = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Error, summary.Level);
        Assert.Matches(@"^Database unavailable: NpgsqlException: Failed to connect repeated 4699 times in the last \d+ s$", summary.Message);
    }

    [Fact]
    public void ShouldLog_DifferentFailures_AreEachLoggedOnce()
    {
        // Arrange
        var time = new FakeTimeProvider();
        using var repeats = new RepeatedFailureLog(new ListLogger(), time, Window);

        // Act
        var first = repeats.ShouldLog("directory down");
        var second = repeats.ShouldLog("database down");
        var repeat = repeats.ShouldLog("directory down");

        // Assert
        Assert.True(first);
        Assert.True(second);
        Assert.False(repeat);
    }

    [Fact]
    public void ShouldLog_OutageGoesOnPastTheWindow_SummarisesEachWindowAndStaysQuietBetween()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var logger = new ListLogger();
        using var repeats = new RepeatedFailureLog(logger, time, Window);
        repeats.ShouldLog("down");

        // Act: three more windows with ten failures each.
        var logged = 0;
        for (var window = 0; window < 3; window++)
        {
            for (var i = 0; i < 10; i++)
            {
                logged += repeats.ShouldLog("down") ? 1 : 0;
                time.Advance(TimeSpan.FromSeconds(1));
            }

            time.Advance(Window - TimeSpan.FromSeconds(10));
        }

        // Assert: no full line again, one summary per window (none larger than the window's failures).
        Assert.Equal(0, logged);
        Assert.InRange(logger.Lines.Count, 2, 3);
        Assert.All(logger.Lines, l => Assert.Contains("down repeated", l.Message, StringComparison.Ordinal));
        Assert.Equal(30, logger.Lines.Sum(l => int.Parse(l.Message.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ShouldLog_AfterAQuietWindow_LogsTheFailureInFullAgain()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var logger = new ListLogger();
        using var repeats = new RepeatedFailureLog(logger, time, Window);
        repeats.ShouldLog("down");

        // Act: nothing for two windows (the key is forgotten), then it fails again.
        time.Advance(Window * 2);
        var again = repeats.ShouldLog("down");

        // Assert: news again, and nothing was summarised because nothing repeated.
        Assert.True(again);
        Assert.Empty(logger.Lines);
    }

    [Fact]
    public void Dispose_WithRepeatsPending_WritesTheirSummary()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var logger = new ListLogger();
        var repeats = new RepeatedFailureLog(logger, time, Window);
        repeats.ShouldLog("down", LogLevel.Warning);
        repeats.ShouldLog("down", LogLevel.Warning);
        time.Advance(Window);

        // Act
        repeats.Dispose();

        // Assert
        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.StartsWith("down repeated 1 times", line.Message, StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
