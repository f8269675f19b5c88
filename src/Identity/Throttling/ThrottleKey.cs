namespace GatewayPortal.Identity.Throttling;

/// <summary>Builds the keys failures are counted under.</summary>
public static class ThrottleKey
{
    /// <summary>The key of a login as typed (case-insensitive, trimmed).</summary>
    public static string ForLogin(string login) =>
        "login:" + (login ?? "").Trim().ToUpperInvariant();

    /// <summary>The key of a person, whichever login they typed.</summary>
    public static string ForSubject(string subjectId) => "subject:" + subjectId;

    /// <summary>The key of a client address.</summary>
    public static string ForClient(string? ipAddress) => "client:" + (ipAddress ?? "unknown");
}
