namespace GatewayPortal.Identity.Throttling;

/// <summary>
/// Counts sign-in failures and decides whether the next attempt may be tried. Locks are per account and client
/// address together, and per address across accounts; failures of one account from every address only slow it
/// down (<see cref="ThrottleState.Delay"/>), so nobody can lock somebody else out. See <see cref="SignInThrottleOptions"/>.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>The state of an attempt on <paramref name="accountKeys"/> (see <see cref="ThrottleKey"/>) from <paramref name="ipAddress"/>.</summary>
    ThrottleState Check(IReadOnlyCollection<string> accountKeys, string? ipAddress);

    /// <summary>Whether the client address itself is blocked (too many failures across accounts).</summary>
    ThrottleState GetClientState(string? ipAddress);

    /// <summary>
    /// Counts one failure against each account key from this address, each account key overall and the address;
    /// returns the resulting lock state of the next attempt from this address. No account keys counts the address only.
    /// </summary>
    ThrottleState RecordFailure(IReadOnlyCollection<string> accountKeys, string? ipAddress);

    /// <summary>
    /// Forgets the accounts' failures from this address after a successful sign-in. The address's failures and the
    /// accounts' failures from other addresses stay counted.
    /// </summary>
    void Reset(IReadOnlyCollection<string> accountKeys, string? ipAddress);
}
