using System.Globalization;
using GatewayPortal.Portal.Localization;

namespace GatewayPortal.Portal.Components.Pages.Wiki;

/// <summary>How the wiki pages show times and sizes.</summary>
public static class WikiFormat
{
    /// <summary>A revision time in Korea time, e.g. 2026-11-23 14:05.</summary>
    public static string Time(DateTimeOffset value) => DisplayTime.ToLocal(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable time for a &lt;time datetime&gt; attribute.</summary>
    public static string IsoTime(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A size change with its sign: +12, −5 or 0.</summary>
    public static string Delta(int delta) => delta switch
    {
        > 0 => "+" + delta.ToString("N0", CultureInfo.CurrentCulture),
        < 0 => "−" + (-(long)delta).ToString("N0", CultureInfo.CurrentCulture),
        _ => "0",
    };

    /// <summary>A number with group separators.</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
