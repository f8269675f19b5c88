using GatewayPortal.Samples.LineOfBusiness.Authentication;
using GatewayPortal.Samples.LineOfBusiness.Counters;
using Microsoft.AspNetCore.Antiforgery;

namespace GatewayPortal.Samples.LineOfBusiness.Endpoints;

/// <summary><c>POST /approve</c> (결재 처리): approves one waiting document; the portal's counter follows.</summary>
public static class ApproveEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IAntiforgery antiforgery, ApprovalInbox inbox)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        ArgumentNullException.ThrowIfNull(inbox);
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        var subject = context.User.FindFirst(LobClaimTypes.Subject)?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            return TypedResults.BadRequest();
        }

        inbox.ApproveOne(subject, LobPaths.ApprovalsUrl(context.Request));
        return TypedResults.Redirect(LobPaths.Home + "#approvals");
    }
}
