using System.ComponentModel.DataAnnotations;

namespace GatewayPortal.Portal.Home;

/// <summary>The home's and the launcher's per-person cache (<c>Portal:Home</c>, issue #18).</summary>
public sealed class HomeCacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Portal:Home";

    /// <summary>
    /// How many seconds <see cref="PersonalViewCache"/> keeps what a person's home and launcher read (0 to 300; 0 reads
    /// every time). This is also how late a change made by others (a counter, a notice, an edit on another node) may show.
    /// </summary>
    [Range(0, 300, ErrorMessage = "Portal:Home:PersonalCacheSeconds must be between 0 and 300.")]
    public int PersonalCacheSeconds { get; set; } = 10;
}
