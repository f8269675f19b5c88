using GatewayPortal.Samples.LineOfBusiness.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GatewayPortal.Samples.LineOfBusiness.Endpoints;

/// <summary><c>GET /</c>: who is signed in, and a sign-out form.</summary>
public static class HomeEndpoint
{
    public static ContentHttpResult Handle(HttpContext context, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        var html = HtmlPages.Home(
            SignedInUser.From(context.User),
            tokens.FormFieldName,
            tokens.RequestToken ?? throw new InvalidOperationException("Antiforgery produced no request token."));
        return TypedResults.Content(html, HtmlPages.ContentType);
    }
}
