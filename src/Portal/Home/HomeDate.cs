using System.Globalization;
using GatewayPortal.Portal.Localization;

namespace GatewayPortal.Portal.Home;

/// <summary>Today's date as the home's greeting writes it, in the organisation's time zone (KST).</summary>
public static class HomeDate
{
    private static readonly string[] KoreanDays = ["일요일", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일"];

    /// <summary>The local (KST) calendar day of <paramref name="utcNow"/>.</summary>
    public static DateOnly Today(DateTimeOffset utcNow) => DateOnly.FromDateTime(DisplayTime.ToLocal(utcNow).DateTime);

    /// <summary>2026년 12월 7일 월요일, or Monday, December 7, 2026 in English; independent of the machine's ICU data.</summary>
    public static string Format(DateOnly day, bool english) => english
        ? day.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{day.Year}년 {day.Month}월 {day.Day}일 {KoreanDays[(int)day.DayOfWeek]}");

    /// <summary>A short date for lists: 12.07 within the current year, else 2025.12.07.</summary>
    public static string Short(DateTimeOffset utc, DateOnly today)
    {
        var local = DisplayTime.ToLocal(utc);
        return local.Year == today.Year
            ? local.ToString("MM.dd", CultureInfo.InvariantCulture)
            : local.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="utc"/> falls on <paramref name="today"/> (KST).</summary>
    public static bool IsToday(DateTimeOffset utc, DateOnly today) => DateOnly.FromDateTime(DisplayTime.ToLocal(utc).DateTime) == today;
}
