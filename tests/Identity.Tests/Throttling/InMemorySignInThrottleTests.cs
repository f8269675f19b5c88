using GatewayPortal.Identity.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Identity.Tests.Throttling;

public sealed class InMemorySignInThrottleTests
{
    private static readonly string[] Kim = [ThrottleKey.ForLogin("kim.minsu")];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottleOptions _options = new() { MaxFailuresPerAccountAndClient = 5, AccountLockout = TimeSpan.FromMinutes(15), MaxFailuresPerClient = 30 };

    private InMemorySignInThrottle Create() => new(new TestOptionsMonitor<SignInThrottleOptions>(_options), _time);

    [Fact]
    public void RecordFailure_FifthFailureOfAccountFromOneAddress_LocksThatPairForFifteenMinutes()
    {
        // Arrange
        var throttle = Create();

        // Act
        var states = Enumerable.Range(0, 5).Select(_ => throttle.RecordFailure(Kim, "10.0.0.1")).ToList();

        // Assert
        Assert.All(states.Take(4), s => Assert.False(s.IsLocked));
        Assert.True(states[4].IsLocked);
        Assert.Equal(_time.GetUtcNow().AddMinutes(15), states[4].RetryAtUtc);
        Assert.True(throttle.Check(Kim, "10.0.0.1").IsLocked);
    }

    [Fact]
    public void Check_AccountLockedFromAnotherAddress_IsNotLockedHere()
    {
        // Arrange: a stranger fails fifty times from one address (issue #13: that locked the administrator out).
        var throttle = Create();
        for (var i = 0; i < 50; i++)
        {
            throttle.RecordFailure(Kim, "10.6.6.6");
        }

        // Act
        var stranger = throttle.Check(Kim, "10.6.6.6");
        var owner = throttle.Check(Kim, "10.1.2.3");

        // Assert
        Assert.True(stranger.IsLocked);
        Assert.False(owner.IsLocked);
    }

    [Fact]
    public void Check_FailuresFromManyAddresses_DelayDoublesUpToTheMaximumAndNeverLocks()
    {
        // Arrange
        var throttle = Create();
        var delays = new List<TimeSpan>();

        // Act: one failure each from twelve addresses, checking from a thirteenth after each.
        for (var i = 0; i < 12; i++)
        {
            throttle.RecordFailure(Kim, $"10.7.0.{i}");
            var state = throttle.Check(Kim, "10.1.2.3");
            Assert.False(state.IsLocked);
            delays.Add(state.Delay);
        }

        // Assert: nothing for four failures, then 1, 2, 4, 8 s and the 10 s cap.
        Assert.Equal([0, 0, 0, 0, 1, 2, 4, 8, 10, 10, 10, 10], delays.Select(d => (int)d.TotalSeconds));
    }

    [Fact]
    public void Check_AccountFailuresOutsideWindow_NoLongerDelay()
    {
        // Arrange
        var throttle = Create();
        for (var i = 0; i < 8; i++)
        {
            throttle.RecordFailure(Kim, $"10.7.0.{i}");
        }

        // Act
        _time.Advance(TimeSpan.FromMinutes(15));

        // Assert
        Assert.Equal(TimeSpan.Zero, throttle.Check(Kim, "10.1.2.3").Delay);
    }

    [Fact]
    public void Check_AfterLockoutExpires_IsOpenAgain()
    {
        // Arrange
        var throttle = Create();
        for (var i = 0; i < 5; i++)
        {
            throttle.RecordFailure(Kim, "10.0.0.1");
        }

        // Act
        _time.Advance(TimeSpan.FromMinutes(15).Add(TimeSpan.FromSeconds(1)));

        // Assert
        Assert.False(throttle.Check(Kim, "10.0.0.1").IsLocked);
    }

    [Fact]
    public void RecordFailure_FailuresOutsideWindow_DoNotCount()
    {
        // Arrange
        var throttle = Create();
        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure(Kim, "10.0.0.1");
        }

        _time.Advance(TimeSpan.FromMinutes(16));

        // Act
        var state = throttle.RecordFailure(Kim, "10.0.0.1");

        // Assert
        Assert.False(state.IsLocked);
    }

    [Fact]
    public void Reset_AfterSuccess_ForgetsThisAddressButNotTheClientOrOtherAddresses()
    {
        // Arrange
        _options.MaxFailuresPerClient = 6;
        var throttle = Create();
        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure(Kim, "10.0.0.1");
            throttle.RecordFailure(Kim, "10.0.0.2");
        }

        // Act
        throttle.Reset(Kim, "10.0.0.1");
        var afterReset = throttle.RecordFailure(Kim, "10.0.0.1");
        var clientLocked = throttle.RecordFailure([ThrottleKey.ForLogin("other")], "10.0.0.1");
        var otherAddress = throttle.RecordFailure(Kim, "10.0.0.2");

        // Assert
        Assert.False(afterReset.IsLocked);
        Assert.True(clientLocked.IsLocked);
        Assert.True(otherAddress.IsLocked);
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
        Assert.True(throttle.Check([ThrottleKey.ForLogin("user0")], "10.9.9.9").IsLocked);
        Assert.False(throttle.GetClientState("10.9.9.10").IsLocked);
        Assert.False(throttle.Check([ThrottleKey.ForLogin("user0")], "10.9.9.10").IsLocked);
    }

    [Theory]
    [InlineData("Kim.Minsu", "kim.minsu")]
    [InlineData("  kim.minsu ", "kim.minsu")]
    [InlineData("ｋｉｍ.ｍｉｎｓｕ", "kim.minsu")] // full-width (issue #13)
    [InlineData("\u212Aim.minsu", "kim.minsu")] // Kelvin sign
    [InlineData("kim.min\u017Fu", "kim.minsu")] // long s
    [InlineData("kim.minsu\u00A0", "kim.minsu")] // no-break space
    public void ForLogin_CaseSpacingAndCompatibilityForms_MapToOneKey(string typed, string canonical)
    {
        Assert.Equal(ThrottleKey.ForLogin(canonical), ThrottleKey.ForLogin(typed));
    }
}
