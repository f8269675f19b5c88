using GatewayPortal.Samples.LineOfBusiness.BackChannel;
using GatewayPortal.Samples.LineOfBusiness.Configuration;
using GatewayPortal.Samples.LineOfBusiness.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GatewayPortal.Samples.LineOfBusiness.Authentication;

/// <summary>Wires cookie + OpenID Connect sign-in through the portal, with server-side sessions for back-channel logout.</summary>
public static class LobAuthenticationServiceCollectionExtensions
{
    public static IServiceCollection AddLineOfBusinessAuthentication(this IServiceCollection services)
    {
        services.AddOptions<OidcClientOptions>().BindConfiguration(OidcClientOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OidcClientOptions>, OidcClientOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalSessionRegistry>();
        services.TryAddSingleton<LogoutTokenReplayCache>();
        services.TryAddSingleton<LogoutTokenValidator>();
        services.TryAddScoped<SessionCookieEvents>();
        services.TryAddScoped<PortalOidcEvents>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = LobAuthenticationDefaults.CookieScheme;
                options.DefaultChallengeScheme = LobAuthenticationDefaults.OidcScheme;
            })
            .AddCookie(LobAuthenticationDefaults.CookieScheme)
            .AddOpenIdConnect(LobAuthenticationDefaults.OidcScheme, static _ => { });

        services.AddOptions<CookieAuthenticationOptions>(LobAuthenticationDefaults.CookieScheme).Configure(ConfigureCookie);
        services.AddOptions<OpenIdConnectOptions>(LobAuthenticationDefaults.OidcScheme).Configure<IOptions<OidcClientOptions>>(ConfigureOidc);
        services.AddAuthorization();
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = LobAuthenticationDefaults.CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = LobAuthenticationDefaults.SessionLifetime;
        options.SlidingExpiration = false;
        options.EventsType = typeof(SessionCookieEvents);
    }

    private static void ConfigureOidc(OpenIdConnectOptions options, IOptions<OidcClientOptions> clientOptions)
    {
        var client = clientOptions.Value;
        options.Authority = client.Authority;
        options.ClientId = client.ClientId;
        options.ClientSecret = client.ClientSecret;
        options.RequireHttpsMetadata = client.EffectiveRequireHttpsMetadata;
        options.BackchannelTimeout = TimeSpan.FromSeconds(10);

        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        // Plain authorize redirects keep the flow scriptable and need no PAR permission on the portal's client.
        options.PushedAuthorizationBehavior = PushedAuthorizationBehavior.Disable;
        options.SaveTokens = true;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.MapInboundClaims = false;

        options.Scope.Clear();
        foreach (var scope in LobAuthenticationDefaults.Scopes)
        {
            options.Scope.Add(scope);
        }

        options.TokenValidationParameters.NameClaimType = LobClaimTypes.Name;
        options.TokenValidationParameters.RoleClaimType = LobClaimTypes.Groups;
        options.ClaimActions.MapUniqueJsonKey(LobClaimTypes.PreferredUsername, LobClaimTypes.PreferredUsername);
        options.ClaimActions.MapUniqueJsonKey(LobClaimTypes.Department, LobClaimTypes.Department);
        options.ClaimActions.MapUniqueJsonKey(LobClaimTypes.Title, LobClaimTypes.Title);
        options.ClaimActions.MapUniqueJsonKey(LobClaimTypes.EmployeeNumber, LobClaimTypes.EmployeeNumber);
        options.ClaimActions.Add(new JsonArrayClaimAction(LobClaimTypes.Groups));

        options.CallbackPath = "/signin-oidc";
        options.SignedOutCallbackPath = "/signout-callback-oidc";
        options.SignedOutRedirectUri = "/signed-out";

        // Plain http on loopback: the defaults (Secure + SameSite=None) would drop these cookies.
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

        options.EventsType = typeof(PortalOidcEvents);
    }
}
