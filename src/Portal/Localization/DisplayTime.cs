using System.Globalization;

namespace GatewayPortal.Portal.Localization;

/// <summary>Shows times in the organisation's time zone (Korea Standard Time).</summary>
public static class DisplayTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>Converts a UTC time to the organisation's local time.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>Hours and minutes, e.g. 14:05.</summary>
    public static string Format(DateTimeOffset utc) => ToLocal(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Date and time to the second, e.g. 2026-11-23 14:05:09.</summary>
    public static string FormatFull(DateTime utc) =>
        ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The UTC time of a wall-clock time in the organisation's time zone.</summary>
    public static DateTimeOffset FromLocal(DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);

    /// <summary>The UTC start of a local calendar day.</summary>
    public static DateTime StartOfLocalDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        }
        catch (TimeZoneNotFoundException)
        {
            // No tzdata on the machine: Korea has had no daylight saving since 1988.
            return TimeZoneInfo.CreateCustomTimeZone("KST", TimeSpan.FromHours(9), "KST", "KST");
        }
    }
}
