using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GatewayPortal.Identity.Oidc;

/// <summary>
/// The largest OpenID Connect requests the portal reads (issue #13: a 1 MB <c>state</c> was logged whole and echoed in a
/// Location header). A request over a limit is refused with <c>invalid_request</c> before anything of it is logged or
/// sent back; the log only ever carries the number and total length of the parameters.
/// </summary>
public static class OidcRequestLimits
{
    /// <summary>Largest body of a request to a <c>/connect/</c> endpoint: 64 KiB.</summary>
    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>Most parameters in one request.</summary>
    public const int MaxParameters = 64;

    /// <summary>Longest parameter name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Longest value of an ordinary parameter (state, nonce, redirect_uri, scope, …): 4,096 characters.</summary>
    public const int MaxValueLength = 4096;

    /// <summary>
    /// Longest value of a parameter that carries a token or a signed request (code, refresh_token, token, id_token_hint,
    /// client_assertion, request, …): 32,768 characters, room for a person in a few hundred groups.
    /// </summary>
    public const int MaxTokenValueLength = 32 * 1024;

    /// <summary>The parameters that carry tokens or signed requests.</summary>
    public static readonly IReadOnlySet<string> TokenParameters = new HashSet<string>(StringComparer.Ordinal)
    {
        Parameters.Code, Parameters.RefreshToken, Parameters.Token, Parameters.IdTokenHint, Parameters.ClientAssertion,
        Parameters.Request, Parameters.SubjectToken, Parameters.ActorToken, Parameters.AccessToken, Parameters.IdToken,
        OidcReauthentication.MarkerParameter,
    };

    /// <summary>The limit for one parameter's value.</summary>
    public static int MaxLengthOf(string name) => TokenParameters.Contains(name) ? MaxTokenValueLength : MaxValueLength;
}
