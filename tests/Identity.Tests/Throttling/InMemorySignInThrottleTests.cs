using GatewayPortal.Identity.Throttling;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Identity.Tests.Throttling;

public sealed class InMemorySignInThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottleOptions _options = new() { MaxFailuresPerAccount = 5, AccountLockout = TimeSpan.FromMinutes(15), MaxFailuresPerClient = 30 };

    private InMemorySignInThrottle Create() => new(new TestOptionsMonitor<SignInThrottleOptions>(_options), _time);

    [Fact]
    public void RecordFailure_FifthFailureOfAccount_LocksForFifteenMinutes()
    {
        // Arrange
        var throttle = Create();
        string[] keys = [ThrottleKey.ForLogin("kim.minsu")];

        // Act
        var states = Enumerable.Range(0, 5).Select(_ => throttle.RecordFailure(keys, "10.0.0.1")).ToList();

        // Assert
        Assert.All(states.Take(4), s => Assert.False(s.IsLocked));
        Assert.True(states[4].IsLocked);
        Assert.Equal(_time.GetUtcNow().AddMinutes(15), states[4].RetryAtUtc);
        Assert.True(throttle.GetAccountState(keys[0]).IsLocked);
    }

    [Fact]
    public void GetAccountState_AfterLockoutExpires_IsOpenAgain()
    {
        // Arrange
        var throttle = Create();
        string[] keys = [ThrottleKey.ForLogin("kim.minsu")];
        for (var i = 0; i < 5; i++)
        {
            throttle.RecordFailure(keys, "10.0.0.1");
        }

        // Act
        _time.Advance(TimeSpan.FromMinutes(15).Add(TimeSpan.FromSeconds(1)));

        // Assert
        Assert.False(throttle.GetAccountState(keys[0]).IsLocked);
    }

    [Fact]
    public void RecordFailure_FailuresOutsideWindow_DoNotCount()
    {
        // Arrange
        var throttle = Create();
        string[] keys = [ThrottleKey.ForLogin("kim.minsu")];
        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure(keys, "10.0.0.1");
        }

        _time.Advance(TimeSpan.FromMinutes(16));

        // Act
        var state = throttle.RecordFailure(keys, "10.0.0.1");

        // Assert
        Assert.False(state.IsLocked);
    }

    [Fact]
    public void Reset_AfterSuccess_ForgetsAccountFailuresButNotClientFailures()
    {
        // Arrange
        _options.MaxFailuresPerClient = 6;
        var throttle = Create();
        string[] keys = [ThrottleKey.ForLogin("kim.minsu")];
        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure(keys, "10.0.0.1");
        }

        // Act
        throttle.Reset(keys);
        var afterReset = throttle.RecordFailure(keys, "10.0.0.1");
        var clientLocked = throttle.RecordFailure([ThrottleKey.ForLogin("other")], "10.0.0.1");

        // Assert
        Assert.False(afterReset.IsLocked);
        Assert.True(clientLocked.IsLocked);
    }

    [Fact]
    public void RecordFailure_SprayAcrossAccountsFromOneClient_BlocksTheClient()
    {
        // Arrange
        var throttle = Create();

        // Act: one wrong password each for 30 different accounts.
        var last = ThrottleState.Open;
        for (var i = 0; i < 30; i++)
        {
            last = throttle.RecordFailure([ThrottleKey.ForLogin($"user{i}")], "10.9.9.9");
        }

        // Assert
        Assert.True(last.IsLocked);
        Assert.True(throttle.GetClientState("10.9.9.9").IsLocked);
        Assert.False(throttle.GetClientState("10.9.9.10").IsLocked);
        Assert.False(throttle.GetAccountState(ThrottleKey.ForLogin("user0")).IsLocked);
    }

    [Theory]
    [InlineData("Kim.Minsu", "kim.minsu")]
    [InlineData("  kim.minsu ", "kim.minsu")]
    public void ForLogin_CaseAndSpacing_MapToOneKey(string typed, string canonical)
    {
        Assert.Equal(ThrottleKey.ForLogin(canonical), ThrottleKey.ForLogin(typed));
    }
}
