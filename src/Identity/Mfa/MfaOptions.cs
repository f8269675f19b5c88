using System.ComponentModel.DataAnnotations;

namespace GatewayPortal.Identity.Mfa;

/// <summary>The optional TOTP second factor.</summary>
public sealed class MfaOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "SignIn:Mfa";

    /// <summary>Directory groups (common names) whose members must use a second factor.</summary>
    public IList<string> RequiredGroups { get; } = [];

    /// <summary>The issuer shown in authenticator apps.</summary>
    [Required, StringLength(64, MinimumLength = 1)]
    public string Issuer { get; set; } = "GatewayPortal";

    /// <summary>How many recovery codes an enrolment gets.</summary>
    [Range(4, 20)]
    public int RecoveryCodeCount { get; set; } = 10;

    /// <summary>How many 30-second steps of clock drift are accepted either way.</summary>
    [Range(0, 3)]
    public int AllowedDriftSteps { get; set; } = 1;
}
