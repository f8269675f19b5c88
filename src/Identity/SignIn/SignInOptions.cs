using System.ComponentModel.DataAnnotations;

namespace GatewayPortal.Identity.SignIn;

/// <summary>The portal's SSO session and who administers it.</summary>
public sealed class SignInOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "SignIn";

    /// <summary>How long a session lasts from sign-in (absolute). Default 10 hours: one working day.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>
    /// How often a session is checked against the directory: a person disabled or removed there
    /// loses the session within this time. Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SessionRevalidationInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a node trusts its answer to "was this session ended early?" before asking the database
    /// again: the longest an administrator's "end session" takes to reach other nodes. Default 15 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SessionStatusCacheDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Directory groups (common names) whose members administer the portal.</summary>
    public IList<string> AdministratorGroups { get; } = [];

    /// <summary>
    /// The shortest time a refused password takes to answer (wrong password, unknown login, disabled account, a login
    /// outside the alphabet): both kinds of refusal already do the same directory work (one search, one bind); padding
    /// them to this floor hides what is left (the found entry's size, the audit's display name). Default 200 ms.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan RefusalMinimumDuration { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest login accepted by the form.</summary>
    [Range(16, 1024)]
    public int MaxLoginLength { get; set; } = 256;

    /// <summary>Longest password accepted by the form.</summary>
    [Range(16, 4096)]
    public int MaxPasswordLength { get; set; } = 512;

    /// <summary>
    /// The organisation's password service (비밀번호 찾기), linked from the login page: an absolute http(s) URL.
    /// No link is shown when it is not set.
    /// </summary>
    [MaxLength(2048)]
    public string? PasswordResetUrl { get; set; }

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(PasswordResetUrl)
            && !(Uri.TryCreate(PasswordResetUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(PasswordResetUrl)} '{PasswordResetUrl}' must be an absolute http(s) URL.", [nameof(PasswordResetUrl)]);
        }
    }
}
