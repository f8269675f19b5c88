namespace GatewayPortal.Identity.Throttling;

/// <summary>Whether a key may try now, and if not, when it may.</summary>
/// <param name="IsLocked">True when the key must wait.</param>
/// <param name="RetryAtUtc">When the key may try again (set when locked).</param>
public readonly record struct ThrottleState(bool IsLocked, DateTimeOffset? RetryAtUtc)
{
    /// <summary>Not locked.</summary>
    public static ThrottleState Open => new(false, null);

    /// <summary>The later of two states' lock ends; unlocked only when both are.</summary>
    public ThrottleState Combine(ThrottleState other) => (IsLocked, other.IsLocked) switch
    {
        (false, false) => Open,
        (true, false) => this,
        (false, true) => other,
        _ => RetryAtUtc >= other.RetryAtUtc ? this : other,
    };
}
