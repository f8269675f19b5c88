namespace GatewayPortal.Identity.Throttling;

/// <summary>Counts sign-in failures per key and locks keys that fail too often.</summary>
public interface ISignInThrottle
{
    /// <summary>The state of an account key (see <see cref="ThrottleKey"/>).</summary>
    ThrottleState GetAccountState(string key);

    /// <summary>The state of a client address.</summary>
    ThrottleState GetClientState(string? ipAddress);

    /// <summary>Counts one failure against the account keys and the client; returns the resulting combined state.</summary>
    ThrottleState RecordFailure(IReadOnlyCollection<string> accountKeys, string? ipAddress);

    /// <summary>Forgets an account's failures after a successful sign-in (the client's stay counted).</summary>
    void Reset(IReadOnlyCollection<string> accountKeys);
}
