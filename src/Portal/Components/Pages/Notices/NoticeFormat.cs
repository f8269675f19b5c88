using System.Globalization;
using GatewayPortal.Portal.Localization;

namespace GatewayPortal.Portal.Components.Pages.Notices;

/// <summary>Dates and sizes as the notice pages show and read them (Korea Standard Time).</summary>
public static class NoticeFormat
{
    /// <summary>The form's datetime-local format.</summary>
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>A date for lists, e.g. 2026-12-07.</summary>
    public static string Date(DateTime utc) => DisplayTime.ToLocal(AsUtc(utc)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Date and time, e.g. 2026-12-07 09:30.</summary>
    public static string DateTime(DateTime utc) => DisplayTime.ToLocal(AsUtc(utc)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 for a time element's datetime attribute.</summary>
    public static string Iso(DateTime utc) => AsUtc(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A UTC time as the form's local value.</summary>
    public static string Input(DateTime? utc) => utc is { } value ? DisplayTime.ToLocal(AsUtc(value)).ToString(InputFormat, CultureInfo.InvariantCulture) : "";

    /// <summary>Reads a local time typed on the form; empty is null; false when it cannot be read.</summary>
    public static bool TryParseInput(string? value, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var text = value.Trim();
        string[] formats = [InputFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];
        if (!System.DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || local.Year is < 2000 or > 2200)
        {
            return false;
        }

        var offset = DisplayTime.ToLocal(new DateTimeOffset(System.DateTime.SpecifyKind(local, DateTimeKind.Utc))).Offset;
        utc = new DateTimeOffset(local, offset).UtcDateTime;
        return true;
    }

    /// <summary>A file size, e.g. 1.2 MB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };

    private static DateTimeOffset AsUtc(DateTime value) => new(System.DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
