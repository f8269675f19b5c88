using GatewayPortal.Identity.Oidc;
using GatewayPortal.Identity.Oidc.Handlers;
using GatewayPortal.Identity.Oidc.Keys;
using GatewayPortal.Identity.Oidc.Logout;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the portal's OpenID Connect provider (OpenIddict).</summary>
public static class OidcServiceCollectionExtensions
{
    /// <summary>
    /// Adds OpenIddict's core (EF Core stores in <typeparamref name="TContext"/>), server and local validation,
    /// with keys from the database. <typeparamref name="TContext"/> must implement <see cref="IOidcDbContext"/>
    /// and call <see cref="OidcModelBuilderExtensions.UseGatewayOidc"/>.
    /// </summary>
    public static IServiceCollection AddPortalOidc<TContext>(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
        where TContext : DbContext, IOidcDbContext
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<OidcProviderOptions>().BindConfiguration(OidcProviderOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var o = configuration.GetSection(OidcProviderOptions.SectionName).Get<OidcProviderOptions>() ?? new OidcProviderOptions();
        if (o.AllowInsecureHttp && !environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new InvalidOperationException("Oidc:AllowInsecureHttp may only be set in the Development or Testing environment.");
        }

        if (!string.IsNullOrEmpty(o.Issuer) && !Uri.TryCreate(o.Issuer, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"Oidc:Issuer '{o.Issuer}' is not an absolute URL.");
        }

        services.AddOpenIddict()
            // Applications, authorizations, scopes and tokens live in the portal's database.
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<TContext>();
                core.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, CachingApplicationManager>();
            })
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetPushedAuthorizationEndpointUris("connect/par")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetEndSessionEndpointUris("connect/endsession");

                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, OidcScopes.Employee, OidcScopes.Groups, OidcScopes.Api, OidcScopes.Counters);

                // Lifetimes; refresh tokens rotate on every use, and a reused one revokes its whole authorization.
                server.SetAccessTokenLifetime(o.AccessTokenLifetime)
                    .SetIdentityTokenLifetime(o.IdentityTokenLifetime)
                    .SetAuthorizationCodeLifetime(o.AuthorizationCodeLifetime)
                    .SetRefreshTokenLifetime(o.RefreshTokenLifetime)
                    .SetRefreshTokenReuseLeeway(o.RefreshTokenReuseLeeway);

                // Line-of-business APIs read access tokens as plain signed JWTs (a client may ask for encrypted ones);
                // TokenCredentialsHandler picks each token's keys: the client's ES256/RS256 choice, AES for the portal's own.
                server.DisableAccessTokenEncryption();
                server.AddEventHandler(TokenCredentialsHandler.Descriptor);
                server.AddEventHandler(GatewayPortal.Identity.Telemetry.TokenResponseMetricsHandler.Descriptor);

                // Rows only for the tokens the portal reads back (codes, refresh tokens, client-credential access
                // tokens); revoking a person's access token ends its grant.
                server.AddEventHandler(TokenEntryHandler.Descriptor)
                    .AddEventHandler(EntrylessTokenAuthorizationHandler.Descriptor)
                    .RemoveEventHandler(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor)
                    .AddEventHandler(RevokeTokenOrGrantHandler.Descriptor);

                // Oversized parameters are refused before OpenIddict logs or echoes them; a bad max_age is refused;
                // introspection and revocation serve only the token's own client and audiences.
                server.AddEventHandler(RequestLimitsHandler<ExtractAuthorizationRequestContext>.Descriptor)
                    .AddEventHandler(RequestLimitsHandler<ExtractPushedAuthorizationRequestContext>.Descriptor)
                    .AddEventHandler(RequestLimitsHandler<ExtractTokenRequestContext>.Descriptor)
                    .AddEventHandler(RequestLimitsHandler<ExtractIntrospectionRequestContext>.Descriptor)
                    .AddEventHandler(RequestLimitsHandler<ExtractRevocationRequestContext>.Descriptor)
                    .AddEventHandler(RequestLimitsHandler<ExtractEndSessionRequestContext>.Descriptor)
                    .AddEventHandler(RequestLimitsHandler<ExtractUserInfoRequestContext>.Descriptor)
                    .AddEventHandler(MaxAgeParameterHandler.Descriptor)
                    .AddEventHandler(TokenCallerHandler.IntrospectionDescriptor)
                    .AddEventHandler(TokenCallerHandler.RevocationDescriptor)
                    // OpenIddict marks token and revocation answers no-store, not introspection answers (a person's data).
                    .AddEventHandler(OpenIddictServerAspNetCoreHandlers.AttachCacheControlHeader<ApplyIntrospectionResponseContext>.Descriptor);
                if (!string.IsNullOrEmpty(o.Issuer))
                {
                    server.SetIssuer(new Uri(o.Issuer, UriKind.Absolute));
                }

                // Only S256: "plain" PKCE protects nothing against an intercepted code.
                server.Configure(options =>
                {
                    options.CodeChallengeMethods.Clear();
                    options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                });

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (o.AllowInsecureHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });

        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.TryAddScoped<OidcAccessPolicy>();
        services.TryAddSingleton<OidcReauthentication>();
        services.TryAddSingleton<SessionApplicationLinks>();
        services.TryAddSingleton<SharedApplicationCache>();
        services.AddHttpContextAccessor();

        // OpenIddict logs every request whole at Information (a 1 MB state, 1 MB of log): Warning and above only, unless
        // the configuration says otherwise for the OpenIddict category. RequestLimitsHandler logs the sizes instead.
        services.PostConfigure<LoggerFilterOptions>(o =>
        {
            if (!o.Rules.Any(r => r.CategoryName?.StartsWith("OpenIddict", StringComparison.Ordinal) == true))
            {
                o.Rules.Add(new LoggerFilterRule(providerName: null, categoryName: "OpenIddict", LogLevel.Warning, filter: null));
            }
        });
        services.TryAddSingleton<OidcKeyRing>();
        services.TryAddSingleton<GatewayPortal.Identity.Applications.ApplicationCatalogue>();
        services.TryAddSingleton<FrontChannelLogoutFrames>();
        services.TryAddSingleton<OidcServerKeysConfiguration>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<OpenIddictServerOptions>, OidcServerKeysConfiguration>(sp => sp.GetRequiredService<OidcServerKeysConfiguration>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOptionsChangeTokenSource<OpenIddictServerOptions>, OidcServerKeysConfiguration>(sp => sp.GetRequiredService<OidcServerKeysConfiguration>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOptionsChangeTokenSource<OpenIddict.Validation.OpenIddictValidationOptions>, OidcValidationKeysChangeTokenSource>());
        services.AddHostedService<OidcKeyMaintenance>();
        services.TryAddScoped<IOidcDbContext>(sp => sp.GetRequiredService<TContext>());

        // Single sign-out: logout tokens to every application a session signed into.
        services.AddHttpClient(BackChannelLogoutSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
        services.TryAddSingleton<BackChannelLogoutSender>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BackChannelLogoutSender>(sp => sp.GetRequiredService<BackChannelLogoutSender>()));
        services.TryAddScoped<ISessionLogoutNotifier, SessionLogoutNotifier>();
        services.TryAddSingleton(PersonSessionEnder.Create);
        return services;
    }
}
