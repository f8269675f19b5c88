using System.ComponentModel.DataAnnotations;

namespace GatewayPortal.Identity.Throttling;

/// <summary>
/// The sign-in throttle policy (configuration section <c>SignIn:Throttling</c>), counted in each node's memory:
/// <list type="number">
/// <item>One account from one client address: <see cref="MaxFailuresPerAccountAndClient"/> failures within
/// <see cref="FailureWindow"/> lock that pair for <see cref="AccountLockout"/>. A stranger locks only themselves.</item>
/// <item>One client address across accounts (password spraying): <see cref="MaxFailuresPerClient"/> failures lock the
/// address for <see cref="ClientLockout"/>.</item>
/// <item>One account from every address: from the <see cref="AccountDelayAfterFailures"/>th failure within the window on,
/// each attempt waits <see cref="AccountDelay"/>, doubled per further failure, at most <see cref="AccountDelayMax"/>,
/// before the password is checked. It slows a distributed guess down and never refuses the right password.</item>
/// </list>
/// </summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "SignIn:Throttling";

    /// <summary>Failures of one account from one client address within <see cref="FailureWindow"/> that lock the pair. Default 5.</summary>
    [Range(1, 1000)]
    public int MaxFailuresPerAccountAndClient { get; set; } = 5;

    /// <summary>How long a locked account-and-address pair waits. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccountLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures from one client address (any accounts) within <see cref="FailureWindow"/> that block it. Default 30.</summary>
    [Range(1, 100_000)]
    public int MaxFailuresPerClient { get; set; } = 30;

    /// <summary>How long a blocked client address waits. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ClientLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far back failures count. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures of one account from all addresses within <see cref="FailureWindow"/> after which its attempts are delayed. Default 5.</summary>
    [Range(1, 100_000)]
    public int AccountDelayAfterFailures { get; set; } = 5;

    /// <summary>The first delay; each further failure doubles it. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan AccountDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay, which the right password also waits while the account is under attack. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan AccountDelayMax { get; set; } = TimeSpan.FromSeconds(10);
}
