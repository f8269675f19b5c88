using System.Globalization;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Portal.Audit;
using GatewayPortal.Portal.Components.Pages.Admin;
using GatewayPortal.Portal.Localization;
using GatewayPortal.Portal.SignIn;
using Microsoft.Extensions.Localization;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>Paths of the audit pages and their CSV exports.</summary>
public static class AuditPaths
{
    /// <summary>The sign-in audit page.</summary>
    public const string SignIns = "/admin/audit";

    /// <summary>The admin audit trail page.</summary>
    public const string Changes = "/admin/audit/changes";

    /// <summary>CSV of the sign-in audit, with the page's filters.</summary>
    public const string SignInsCsv = "/admin/audit/sign-ins.csv";

    /// <summary>CSV of the admin audit trail, with the page's filters.</summary>
    public const string ChangesCsv = "/admin/audit/changes.csv";
}

/// <summary>CSV downloads of the sign-in audit and the admin audit trail, streamed and bounded.</summary>
public static class AuditExportEndpoints
{
    /// <summary>Most rows in one export; narrow the filters for more.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Maps GET /admin/audit/sign-ins.csv and /admin/audit/changes.csv.</summary>
    public static IEndpointRouteBuilder MapAuditExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").RequireAuthorization(PortalAuthenticationDefaults.AdministratorPolicy);
        group.MapGet(AuditPaths.ChangesCsv, ChangesAsync).WithName("ExportAdminAudit");
        group.MapGet(AuditPaths.SignInsCsv, SignInsAsync).WithName("ExportSignInAudit");
        return endpoints;
    }

    private static async Task ChangesAsync(HttpContext context, AdminAuditReader reader, IStringLocalizer<SharedResource> l,
        string? actor = null, string? action = null, string? type = null, string? target = null, string? from = null, string? to = null)
    {
        var parsed = AdminAuditFilter.Parse(actor, action, type, target, from, to, null);
        if (parsed.Errors.Count > 0)
        {
            await BadRequestAsync(context, l, parsed.Errors).ConfigureAwait(false);
            return;
        }

        var total = (await reader.ReadAsync(parsed.Query with { PageSize = 1 }, context.RequestAborted).ConfigureAwait(false)).Total;
        Start(context, "admin-audit", total);
        string[] header = [l["AdminAuditColTimeUtc"], l["AdminAuditColTime"], l["AdminAuditColActorId"], l["AdminAuditColActor"], l["ColIp"],
            l["AdminAuditColAction"], l["AdminAuditColTargetType"], l["AdminAuditColTargetId"], l["AdminAuditColTarget"], l["AdminAuditColSummary"],
            l["AdminAuditColBefore"], l["AdminAuditColAfter"]];
        await AuditCsv.WriteAsync(context.Response.Body, header, reader.StreamAsync(parsed.Query, MaxRows, context.RequestAborted), e =>
        [
            e.TimestampUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), DisplayTime.FormatFull(e.TimestampUtc), e.ActorSubjectId,
            e.ActorName, e.IpAddress, e.Action, e.TargetType, e.TargetId, e.TargetName, e.Summary, e.BeforeJson, e.AfterJson,
        ], context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task SignInsAsync(HttpContext context, SignInAuditReader reader, IStringLocalizer<SharedResource> l,
        string? user = null, string? outcome = null, string? ip = null, string? from = null, string? to = null)
    {
        var parsed = AuditFilter.Parse(user, outcome, ip, from, to, null);
        if (parsed.Errors.Count > 0)
        {
            await BadRequestAsync(context, l, parsed.Errors).ConfigureAwait(false);
            return;
        }

        var total = (await reader.ReadAsync(parsed.Query with { PageSize = 1 }, context.RequestAborted).ConfigureAwait(false)).Total;
        Start(context, "sign-in-audit", total);
        string[] header = [l["AdminAuditColTimeUtc"], l["AdminAuditColTime"], l["ColLogin"], l["ColName"], l["AdminAuditColSubject"], l["ColOutcome"],
            l["ColReason"], l["ColIp"], l["ColAgent"]];
        await AuditCsv.WriteAsync(context.Response.Body, header, reader.StreamAsync(parsed.Query, MaxRows, context.RequestAborted), e =>
        [
            e.TimestampUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), DisplayTime.FormatFull(e.TimestampUtc), e.Login,
            e.DisplayName, e.SubjectId, e.Outcome.ToString(), e.Reason, e.IpAddress, e.UserAgent,
        ], context.RequestAborted).ConfigureAwait(false);
    }

    private static void Start(HttpContext context, string name, int total)
    {
        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv\"";
        response.Headers["X-Export-Rows"] = Math.Min(total, MaxRows).ToString(CultureInfo.InvariantCulture);
        if (total > MaxRows)
        {
            response.Headers["X-Export-Truncated"] = "true";
        }
    }

    private static async Task BadRequestAsync(HttpContext context, IStringLocalizer<SharedResource> l, IReadOnlyList<string> errors)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(string.Join('\n', errors.Select(key => l[key].Value)) + "\n", context.RequestAborted).ConfigureAwait(false);
    }
}
