using GatewayPortal.Identity.SignIn;

namespace GatewayPortal.Identity.Throttling;

/// <summary>Builds the keys failures are counted under.</summary>
public static class ThrottleKey
{
    /// <summary>The key of a login, in its canonical spelling (<see cref="LoginName"/>) so that lookalikes share it.</summary>
    public static string ForLogin(string login) =>
        "login:" + (LoginName.TryNormalize(login, 1024, out var canonical) ? canonical : (login ?? "").Trim().ToUpperInvariant());

    /// <summary>The key of a person, whichever login they typed.</summary>
    public static string ForSubject(string subjectId) => "subject:" + subjectId;

    /// <summary>The key of a client address.</summary>
    public static string ForClient(string? ipAddress) => "client:" + (ipAddress ?? "unknown");

    /// <summary>The key of an account tried from one client address.</summary>
    public static string ForAccountFromClient(string accountKey, string? ipAddress) => "pair:" + accountKey + "|" + (ipAddress ?? "unknown");

    /// <summary>The key of an account's failures from every address.</summary>
    public static string ForAccountEverywhere(string accountKey) => "all:" + accountKey;
}
