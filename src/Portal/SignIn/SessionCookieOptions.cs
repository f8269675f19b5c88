namespace GatewayPortal.Portal.SignIn;

/// <summary>Cookie settings that differ between a TLS deployment and a loopback development run.</summary>
public sealed class SessionCookieOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "SignIn:Cookie";

    /// <summary>Send cookies only over HTTPS. Default true; only a plain-http loopback run turns it off.</summary>
    public bool RequireHttps { get; set; } = true;
}
