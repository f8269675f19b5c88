using System.Globalization;
using System.Net;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Portal.Localization;

namespace GatewayPortal.Portal.Components.Pages.Admin;

/// <summary>Turns the audit page's query string into a query, or into localized error keys.</summary>
public static class AuditFilter
{
    /// <summary>Rows per page of the audit page.</summary>
    public const int PageSize = 50;

    /// <summary>Parses the filters; <see cref="AuditFilterResult.Errors"/> holds resource keys of what was wrong.</summary>
    public static AuditFilterResult Parse(string? user, string? outcome, string? ip, string? from, string? to, string? page)
    {
        var errors = new List<string>();
        SignInOutcome? parsedOutcome = null;
        if (!string.IsNullOrWhiteSpace(outcome))
        {
            if (Enum.TryParse<SignInOutcome>(outcome, ignoreCase: false, out var o) && Enum.IsDefined(o) && !outcome.All(char.IsAsciiDigit))
            {
                parsedOutcome = o;
            }
            else
            {
                errors.Add("InvalidOutcome");
            }
        }

        if (!string.IsNullOrWhiteSpace(ip) && !IPAddress.TryParse(ip.Trim(), out _))
        {
            errors.Add("InvalidIp");
        }

        var fromDay = ParseDay(from, errors);
        var toDay = ParseDay(to, errors);
        var pageNumber = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 1_000_000 ? p : 1;
        var query = new SignInAuditQuery(
            Login: string.IsNullOrWhiteSpace(user) ? null : user.Trim()[..Math.Min(user.Trim().Length, SignInAuditEntry.MaxLoginLength)],
            Outcome: parsedOutcome,
            IpAddress: string.IsNullOrWhiteSpace(ip) ? null : ip.Trim(),
            FromUtc: fromDay is { } f ? DisplayTime.StartOfLocalDay(f) : null,
            ToUtc: toDay is { } t ? DisplayTime.StartOfLocalDay(t.AddDays(1)) : null,
            Page: pageNumber,
            PageSize: PageSize);
        return new AuditFilterResult(query, errors.Distinct(StringComparer.Ordinal).ToList());
    }

    private static DateOnly? ParseDay(string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add("InvalidDate");
        return null;
    }
}
