using GatewayPortal.Samples.LineOfBusiness.Pages;

namespace GatewayPortal.Samples.LineOfBusiness.Endpoints;

/// <summary>Maps the sample's pages, sign-out, back-channel logout and health endpoints.</summary>
public static class LobEndpointRouteBuilderExtensions
{
    public static IServiceCollection AddLineOfBusinessEndpoints(this IServiceCollection services)
    {
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHealthChecks();
        services.AddHttpClient(Counters.PortalCounterPublisher.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<Counters.PortalCounterPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<Counters.PortalCounterPublisher>());
        services.AddSingleton<Counters.ApprovalInbox>();
        return services;
    }

    public static IEndpointRouteBuilder MapLineOfBusinessEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LobPaths.Home, HomeEndpoint.Handle).RequireAuthorization();
        endpoints.MapPost(LobPaths.SignOut, SignOutEndpoint.HandleAsync);
        endpoints.MapPost(LobPaths.Approve, ApproveEndpoint.HandleAsync).RequireAuthorization();
        endpoints.MapGet(LobPaths.SignedOut, () => TypedResults.Content(HtmlPages.SignedOut(), HtmlPages.ContentType));
        // Called server-to-server by the portal: no cookie, no antiforgery token.
        endpoints.MapPost(LobPaths.BackChannelLogout, BackChannelLogoutEndpoint.HandleAsync).DisableAntiforgery();
        endpoints.MapHealthChecks(LobPaths.Health);
        return endpoints;
    }
}
