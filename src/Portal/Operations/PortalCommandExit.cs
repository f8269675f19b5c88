namespace GatewayPortal.Portal.Operations;

/// <summary>Exit codes of the operator command line, the same for every verb so scripts can tell them apart.</summary>
public static class PortalCommandExit
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The work failed (the message on standard error says why).</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong (unknown verb, missing or malformed argument); nothing was changed.</summary>
    public const int Usage = 2;

    /// <summary>A check found problems (configuration, schema); nothing was changed.</summary>
    public const int CheckFailed = 3;
}
