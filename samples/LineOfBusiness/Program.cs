using GatewayPortal.Samples.LineOfBusiness.Authentication;
using GatewayPortal.Samples.LineOfBusiness.Endpoints;

namespace GatewayPortal.Samples.LineOfBusiness;

/// <summary>
/// A minimal line-of-business web app ("민원 처리 샘플") that signs its users in through the GatewayPortal
/// OpenID Connect provider, as each of the city hall's systems would: authorization code flow with PKCE and a
/// client secret, user details from the id_token and userinfo (name, preferred_username, department, groups),
/// RP-initiated logout at the portal's end-session endpoint, and Back-Channel Logout 1.0 at
/// <c>POST /backchannel-logout</c>, which ends every local session of the portal session named in the logout
/// token. Settings come from the <c>Oidc</c> configuration section; it is a demonstration, not a template for
/// production secrets or multi-instance session storage.
/// </summary>
public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddLineOfBusinessAuthentication();
        builder.Services.AddLineOfBusinessEndpoints();

        var app = builder.Build();
        app.UseMiddleware<IdentityProviderUnavailableMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapLineOfBusinessEndpoints();
        app.Run();
    }
}
