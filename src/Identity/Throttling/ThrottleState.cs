namespace GatewayPortal.Identity.Throttling;

/// <summary>Whether a sign-in may be tried now, and if not, when it may; and how long it must wait first.</summary>
/// <param name="IsLocked">True when the attempt must not be tried (this account from this address, or this address).</param>
/// <param name="RetryAtUtc">When it may be tried again (set when locked).</param>
/// <param name="Delay">How long an allowed attempt waits before the password is checked (the account-wide slow-down).</param>
public readonly record struct ThrottleState(bool IsLocked, DateTimeOffset? RetryAtUtc, TimeSpan Delay = default)
{
    /// <summary>Not locked, no delay.</summary>
    public static ThrottleState Open => new(false, null);

    /// <summary>The later of two states' lock ends (unlocked only when both are) and the longer delay.</summary>
    public ThrottleState Combine(ThrottleState other)
    {
        var delay = Delay >= other.Delay ? Delay : other.Delay;
        var locked = (IsLocked, other.IsLocked) switch
        {
            (false, false) => Open,
            (true, false) => this,
            (false, true) => other,
            _ => RetryAtUtc >= other.RetryAtUtc ? this : other,
        };
        return locked with { Delay = delay };
    }
}
