using System.ComponentModel.DataAnnotations;

namespace GatewayPortal.Identity.Throttling;

/// <summary>How many failed sign-ins an account or a client may make before it must wait.</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "SignIn:Throttling";

    /// <summary>Failures of one account within <see cref="FailureWindow"/> that lock it. Default 5.</summary>
    [Range(1, 1000)]
    public int MaxFailuresPerAccount { get; set; } = 5;

    /// <summary>How long a locked account waits. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccountLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures from one client address within <see cref="FailureWindow"/> that block it. Default 30.</summary>
    [Range(1, 100_000)]
    public int MaxFailuresPerClient { get; set; } = 30;

    /// <summary>How long a blocked client waits. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ClientLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far back failures count. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
