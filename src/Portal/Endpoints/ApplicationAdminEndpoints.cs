using System.Text;
using GatewayPortal.Identity.Applications.Admin;
using GatewayPortal.Portal.Components.Pages.Admin.Applications;
using GatewayPortal.Portal.SignIn;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>Downloads of the application registry for administrators (the pages live under /admin/applications).</summary>
public static class ApplicationAdminEndpoints
{
    /// <summary>Maps GET /admin/applications/export.json and /admin/applications/export.csv.</summary>
    public static IEndpointRouteBuilder MapApplicationAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").RequireAuthorization(PortalAuthenticationDefaults.AdministratorPolicy);
        group.MapGet(ApplicationAdminPaths.ExportJson, ExportJsonAsync).WithName("ExportApplicationsJson");
        group.MapGet(ApplicationAdminPaths.ExportCsv, ExportCsvAsync).WithName("ExportApplicationsCsv");
        return endpoints;
    }

    private static async Task<IResult> ExportJsonAsync(HttpContext context, ApplicationAdminService admin)
    {
        var entries = await admin.ExportAsync(AdminActor.Of(context.User), context.RequestAborted);
        return Download(context, ApplicationCatalogJson.Write(entries), "application/json", "json", bom: false);
    }

    private static async Task<IResult> ExportCsvAsync(HttpContext context, ApplicationAdminService admin)
    {
        var entries = await admin.ExportAsync(AdminActor.Of(context.User), context.RequestAborted);

        // The byte order mark makes spreadsheet programs read the Korean text as UTF-8.
        return Download(context, ApplicationCatalogCsv.Write(entries), "text/csv", "csv", bom: true);
    }

    private static IResult Download(HttpContext context, string text, string contentType, string extension, bool bom)
    {
        context.Response.Headers.CacheControl = "no-store";
        var body = Encoding.UTF8.GetBytes(text);
        var bytes = bom ? [.. Encoding.UTF8.Preamble, .. body] : body;
        return TypedResults.File(bytes, contentType + "; charset=utf-8", $"applications.{extension}");
    }
}
