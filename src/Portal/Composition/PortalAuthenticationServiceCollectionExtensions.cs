using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.SignIn;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SSO session cookie and the cookie that waits for a second factor.</summary>
public static class PortalAuthenticationServiceCollectionExtensions
{
    /// <summary>Adds the session and second-factor cookie schemes, the antiforgery cookie's policy and cascading auth state.</summary>
    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var requireHttps = configuration.GetSection(SessionCookieOptions.SectionName).Get<SessionCookieOptions>()?.RequireHttps ?? true;
        var securePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        services.AddAuthentication(PortalAuthenticationDefaults.SessionScheme)
            .AddCookie(PortalAuthenticationDefaults.SessionScheme, o =>
            {
                Common(o, "gp_session", SameSiteMode.Lax);
                o.AccessDeniedPath = "/account/access-denied";
                o.ReturnUrlParameter = "returnUrl";
                o.EventsType = typeof(SessionCookieEvents);
            })
            .AddCookie(PortalAuthenticationDefaults.SecondFactorScheme, o =>
            {
                Common(o, "gp_2fa", SameSiteMode.Strict);
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            });

        // The antiforgery cookie defaults to no Secure flag even over TLS: it gets one on every HTTPS request (through the
        // proxy, X-Forwarded-Proto makes the request HTTPS). Not "Always": antiforgery then throws on every page with a
        // form and every 404 reached over plain HTTP, which on a production node only its own machine may use (PlainHttpGuard).
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // The OIDC provider signs people in through the portal's session.
        services.PostConfigure<GatewayPortal.Identity.Oidc.OidcProviderOptions>(o => o.SessionScheme = PortalAuthenticationDefaults.SessionScheme);

        // The session lasts one configured working day from sign-in, not from the last click.
        services.AddOptions<CookieAuthenticationOptions>(PortalAuthenticationDefaults.SessionScheme)
            .Configure<IOptions<SignInOptions>>((o, signIn) => o.ExpireTimeSpan = signIn.Value.SessionLifetime);

        services.AddMemoryCache();
        services.AddScoped<SessionCookieEvents>();
        services.AddCascadingAuthenticationState();
        return services;

        void Common(CookieAuthenticationOptions o, string name, SameSiteMode sameSite)
        {
            o.Cookie.Name = name;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = sameSite;
            o.Cookie.SecurePolicy = securePolicy;
            o.LoginPath = PortalAuthenticationDefaults.LoginPath;
            o.SlidingExpiration = false;
        }
    }
}
