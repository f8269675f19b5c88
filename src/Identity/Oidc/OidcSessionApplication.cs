namespace GatewayPortal.Identity.Oidc;

/// <summary>An application a portal session signed into: whom to tell when the session ends.</summary>
public sealed class OidcSessionApplication
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The portal session id (sid).</summary>
    public string SessionId { get; set; } = "";

    /// <summary>The person's subject id.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The application's client id.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>When the session first signed into the application.</summary>
    public DateTime CreatedUtc { get; set; }
}
