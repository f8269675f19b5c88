using System.Security.Claims;
using GatewayPortal.Cluster;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.Search;
using GatewayPortal.Portal.SignIn;
using Microsoft.AspNetCore.Antiforgery;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>An administrator rebuilding this node's search index.</summary>
public static class SearchAdminEndpoints
{
    /// <summary>POST target that starts a rebuild.</summary>
    public const string RebuildPath = "/admin/search/rebuild";

    /// <summary>Maps POST /admin/search/rebuild.</summary>
    public static IEndpointRouteBuilder MapSearchAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(RebuildPath, RebuildAsync)
            .RequireAuthorization(PortalAuthenticationDefaults.AdministratorPolicy)
            .WithName("RebuildSearchIndex");
        return endpoints;
    }

    private static async Task<IResult> RebuildAsync(HttpContext context, SearchRebuildRunner runner, IAdminAuditTrail trail, ILeaseService cluster, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        var started = runner.TryStart(context.User.FindFirstValue(PortalClaimTypes.PreferredUsername) ?? "");
        if (started)
        {
            // The rebuild runs in the background; the trail records that an administrator started it on this node.
            await trail.RecordAsync(new(AdminAuditActions.SearchIndexRebuild, AdminAuditTargets.SearchIndex, cluster.NodeName, cluster.NodeName,
                Summary: $"Search index rebuild started on node {cluster.NodeName}"), context.RequestAborted);
        }

        return TypedResults.LocalRedirect("/admin/search?" + (started ? "started=true" : "busy=true"));
    }
}
