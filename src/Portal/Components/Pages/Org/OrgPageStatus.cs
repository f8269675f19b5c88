namespace GatewayPortal.Portal.Components.Pages.Org;

/// <summary>Sets an org page's status code once the response starts (a static SSR page renders before it is sent).</summary>
internal static class OrgPageStatus
{
    public static void Set(HttpContext http, int statusCode)
    {
        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = statusCode;
            if (statusCode == StatusCodes.Status503ServiceUnavailable)
            {
                // The chart is still loading: a browser or client may try again shortly.
                http.Response.Headers.RetryAfter = "5";
            }

            return Task.CompletedTask;
        });
    }
}
