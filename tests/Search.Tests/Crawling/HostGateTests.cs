using GatewayPortal.Search.Crawling;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Search.Tests.Crawling;

public sealed class HostGateTests
{
    [Fact]
    public async Task EnterAsync_SecondRequest_WaitsForThePolitenessDelay()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var gate = new HostGate(1, TimeSpan.FromSeconds(5), time);
        (await gate.EnterAsync(TestContext.Current.CancellationToken)).Dispose();

        // Act
        var second = gate.EnterAsync(TestContext.Current.CancellationToken).AsTask();
        var waitedBeforeAdvance = !second.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(5));
        using var slot = await second;

        // Assert
        Assert.True(waitedBeforeAdvance);
    }

    [Fact]
    public async Task EnterAsync_ConcurrencyOne_WaitsForTheSlotToBeReleased()
    {
        // Arrange
        var gate = new HostGate(1, TimeSpan.Zero, new FakeTimeProvider());
        var first = await gate.EnterAsync(TestContext.Current.CancellationToken);

        // Act
        var second = gate.EnterAsync(TestContext.Current.CancellationToken).AsTask();
        var waitedWhileHeld = !second.IsCompleted;
        first.Dispose();
        using var slot = await second;

        // Assert
        Assert.True(waitedWhileHeld);
    }
}
