using System.Security.Claims;
using GatewayPortal.Identity.SignIn;

namespace GatewayPortal.Portal.Home;

/// <summary>
/// After a request in which a signed-in person may have written something the home or the launcher shows (any form
/// post, a launch through <c>/launch/…</c>, opening a notice, which marks it read), forgets what
/// <see cref="PersonalViewCache"/> keeps for them on this node and gives the browser a new
/// <see cref="PersonalViewCache.StampCookie"/>, so that the next page on any node reads again.
/// </summary>
public static class PersonalViewInvalidation
{
    /// <summary>Whether <paramref name="request"/> may change what the person's home shows.</summary>
    public static bool MayWrite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && !HttpMethods.IsTrace(request.Method))
        {
            return true;
        }

        return request.Path.StartsWithSegments("/launch", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/notices", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Adds the middleware (after authentication).</summary>
    public static IApplicationBuilder UsePersonalViewInvalidation(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var cache = app.ApplicationServices.GetRequiredService<PersonalViewCache>();
        return app.Use(async (context, next) =>
        {
            var subject = MayWrite(context.Request) ? context.User.FindFirstValue(PortalClaimTypes.Subject) : null;
            if (string.IsNullOrEmpty(subject))
            {
                await next(context);
                return;
            }

            context.Response.OnStarting(() =>
            {
                cache.Forget(subject);
                context.Response.Cookies.Append(PersonalViewCache.StampCookie, PersonalViewCache.NewStamp(), new CookieOptions
                {
                    HttpOnly = true,
                    IsEssential = true,
                    Path = "/",
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                });
                return Task.CompletedTask;
            });
            try
            {
                await next(context);
            }
            finally
            {
                // A write that finished after the headers went out (a streamed page) is seen here on this node.
                cache.Forget(subject);
            }
        });
    }
}
