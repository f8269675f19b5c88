using Xunit.Sdk;

namespace GatewayPortal.Testing.Tests;

public sealed class EventuallyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task UntilAsync_ConditionHoldsOnTheThirdProbe_ReturnsThatValueAfterThreeProbes()
    {
        // Arrange
        var probes = 0;

        // Act
        var value = await Eventually.UntilAsync(() => Task.FromResult(++probes), n => n == 3, Patience, "the third probe", TimeSpan.Zero);

        // Assert
        Assert.Equal(3, value);
        Assert.Equal(3, probes);
    }

    [Fact]
    public async Task UntilAsync_ConditionNeverHolds_FailsNamingTheReasonAndTheLastValue()
    {
        // Arrange
        var probes = 0;

        // Act
        var error = await Assert.ThrowsAnyAsync<XunitException>(
            () => Eventually.UntilAsync(() => Task.FromResult(++probes), _ => false, TimeSpan.Zero, "a value that never comes"));

        // Assert
        Assert.Contains("a value that never comes", error.Message, StringComparison.Ordinal);
        Assert.Contains("Last value: 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, probes);
    }

    [Fact]
    public async Task TryUntilAsync_ConditionNeverHolds_ReturnsNotMetWithTheLastValueInsteadOfFailing()
    {
        // Arrange
        var probes = 0;

        // Act
        var polled = await Eventually.TryUntilAsync(() => Task.FromResult(++probes), _ => false, TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(1));

        // Assert
        Assert.False(polled.Met);
        Assert.Equal(probes, polled.Last);
        Assert.True(probes >= 2, $"{probes} probes");
    }

    [Fact]
    public async Task UntilAsync_BooleanCondition_ProbesUntilItHolds()
    {
        // Arrange
        var probes = 0;

        // Act
        await Eventually.UntilAsync(() => ++probes == 5, Patience, "the fifth probe", TimeSpan.Zero);

        // Assert
        Assert.Equal(5, probes);
    }
}
