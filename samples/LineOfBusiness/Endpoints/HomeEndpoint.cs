using GatewayPortal.Samples.LineOfBusiness.Authentication;
using GatewayPortal.Samples.LineOfBusiness.Counters;
using GatewayPortal.Samples.LineOfBusiness.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GatewayPortal.Samples.LineOfBusiness.Endpoints;

/// <summary><c>GET /</c>: who is signed in, and a sign-out form.</summary>
public static class HomeEndpoint
{
    public static ContentHttpResult Handle(HttpContext context, IAntiforgery antiforgery, ApprovalInbox inbox)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        ArgumentNullException.ThrowIfNull(inbox);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var subject = context.User.FindFirst(LobClaimTypes.Subject)?.Value;
        var waiting = subject is null ? 0 : inbox.Open(subject, LobPaths.ApprovalsUrl(context.Request));
        context.Response.Headers.CacheControl = "no-store";
        var html = HtmlPages.Home(
            SignedInUser.From(context.User),
            tokens.FormFieldName,
            tokens.RequestToken ?? throw new InvalidOperationException("Antiforgery produced no request token."),
            waiting);
        return TypedResults.Content(html, HtmlPages.ContentType);
    }
}
