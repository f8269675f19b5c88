using System.Globalization;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Portal.Localization;

namespace GatewayPortal.Portal.Components.Pages.Admin;

/// <summary>A parsed admin audit filter and the resource keys of anything that was wrong.</summary>
public sealed record AdminAuditFilterResult(AdminAuditQuery Query, IReadOnlyList<string> Errors);

/// <summary>Turns the admin audit page's (and its export's) query string into a query, or into localized error keys.</summary>
public static class AdminAuditFilter
{
    /// <summary>Rows per page of the page.</summary>
    public const int PageSize = 50;

    /// <summary>Longest free-text filter kept.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Parses the filters; <see cref="AdminAuditFilterResult.Errors"/> holds resource keys of what was wrong.</summary>
    public static AdminAuditFilterResult Parse(string? actor, string? action, string? type, string? target, string? from, string? to, string? page)
    {
        var errors = new List<string>();
        var actionCode = Blank(action);
        if (actionCode is not null && !AdminAuditActions.All.Contains(actionCode, StringComparer.Ordinal))
        {
            errors.Add("AdminAuditInvalidAction");
        }

        var typeCode = Blank(type);
        if (typeCode is not null && !AdminAuditTargets.All.Contains(typeCode, StringComparer.Ordinal))
        {
            errors.Add("AdminAuditInvalidTargetType");
        }

        var fromDay = ParseDay(from, errors);
        var toDay = ParseDay(to, errors);
        if (fromDay is { } f0 && toDay is { } t0 && f0 > t0)
        {
            errors.Add("AdminAuditInvalidRange");
        }

        var pageNumber = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 1_000_000 ? p : 1;
        var query = new AdminAuditQuery(
            Actor: Cut(Blank(actor)),
            Action: actionCode,
            TargetType: typeCode,
            Target: Cut(Blank(target)),
            FromUtc: fromDay is { } f ? DisplayTime.StartOfLocalDay(f) : null,
            ToUtc: toDay is { } t ? DisplayTime.StartOfLocalDay(t.AddDays(1)) : null,
            Page: pageNumber,
            PageSize: PageSize);
        return new AdminAuditFilterResult(query, errors.Distinct(StringComparer.Ordinal).ToList());
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Cut(string? value) => value is null || value.Length <= MaxTextLength ? value : value[..MaxTextLength];

    private static DateOnly? ParseDay(string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 2000)
        {
            return day;
        }

        errors.Add("InvalidDate");
        return null;
    }
}
