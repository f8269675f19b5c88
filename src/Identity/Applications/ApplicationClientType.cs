namespace GatewayPortal.Identity.Applications;

/// <summary>The OAuth client type.</summary>
public enum ApplicationClientType
{
    /// <summary>Cannot keep a secret (single-page or mobile app); PKCE is required.</summary>
    Public,

    /// <summary>A server-side app that authenticates with a client secret.</summary>
    Confidential,
}
