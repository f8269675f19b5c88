using System.Globalization;
using GatewayPortal.Portal.Localization;

namespace GatewayPortal.Portal.Components.Pages.Admin.Applications;

/// <summary>The status form of the edit page.</summary>
public sealed class StatusForm
{
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    public string? Status { get; set; }

    public string? MessageKo { get; set; }

    public string? MessageEn { get; set; }

    /// <summary>When the maintenance ends, as a <c>datetime-local</c> value in the organisation's time zone; empty: no end.</summary>
    public string? EndsLocal { get; set; }

    /// <summary>A stored end (UTC) as a <c>datetime-local</c> value in the organisation's time zone.</summary>
    public static string? FormatLocal(DateTimeOffset? utc) =>
        utc is { } value ? DisplayTime.ToLocal(value).ToString(LocalFormat, CultureInfo.InvariantCulture) : null;

    /// <summary>Reads a <c>datetime-local</c> value (with or without seconds) as organisation time; empty gives null.</summary>
    public static bool TryParseLocal(string? value, out DateTimeOffset? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!DateTime.TryParseExact(value.Trim(), [LocalFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        utc = DisplayTime.FromLocal(local);
        return true;
    }
}
