using GatewayPortal.Samples.LineOfBusiness.BackChannel;
using GatewayPortal.Samples.LineOfBusiness.Sessions;

namespace GatewayPortal.Samples.LineOfBusiness.Endpoints;

/// <summary>
/// <c>POST /backchannel-logout</c> (OpenID Connect Back-Channel Logout 1.0): the portal posts <c>logout_token</c>;
/// on a valid token every local session of its <c>sid</c> (or <c>sub</c>) ends. Never logs the token itself.
/// </summary>
public static class BackChannelLogoutEndpoint
{
    public const string LoggerName = "GatewayPortal.Samples.LineOfBusiness.BackChannelLogout";

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        LogoutTokenValidator validator,
        LocalSessionRegistry sessions,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger(LoggerName);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";

        if (!context.Request.HasFormContentType)
        {
            logger.LogWarning("Rejected back-channel logout: not a form post.");
            return InvalidRequest();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["logout_token"] is not [{ Length: > 0 } logoutToken])
        {
            logger.LogWarning("Rejected back-channel logout: exactly one logout_token is required.");
            return InvalidRequest();
        }

        var result = await validator.ValidateAsync(logoutToken, context.RequestAborted);
        switch (result.Status)
        {
            case LogoutTokenStatus.Valid:
                var ended = sessions.EndPortalSession(result.PortalSessionId, result.Subject);
                logger.LogInformation(
                    "Back-channel logout for sid {Sid} / sub {Subject}: ended {Count} local session(s).",
                    result.PortalSessionId,
                    result.Subject,
                    ended);
                return TypedResults.Ok();
            case LogoutTokenStatus.IdentityProviderUnavailable:
                logger.LogWarning("Cannot check a back-channel logout token, identity provider unavailable: {Reason}", result.Reason);
                return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
            default:
                logger.LogWarning("Rejected back-channel logout token: {Reason}", result.Reason);
                return InvalidRequest();
        }
    }

    private static IResult InvalidRequest() =>
        TypedResults.Json(new Dictionary<string, string> { ["error"] = "invalid_request" }, statusCode: StatusCodes.Status400BadRequest);
}
