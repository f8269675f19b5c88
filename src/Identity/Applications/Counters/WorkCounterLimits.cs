namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>The counters API's limits (documented in docs/counters-api.md).</summary>
public static class WorkCounterLimits
{
    /// <summary>The scope a system's token must carry.</summary>
    public const string Scope = "portal.counters";

    /// <summary>The most items one request may carry.</summary>
    public const int MaxItemsPerRequest = 10_000;

    /// <summary>The largest request body (8 MiB); a larger one is answered 413.</summary>
    public const long MaxBodyBytes = 8 * 1024 * 1024;

    /// <summary>The longest subject id.</summary>
    public const int MaxSubjectLength = 64;

    /// <summary>The longest key (<c>[a-z0-9._-]</c>).</summary>
    public const int MaxKeyLength = 40;

    /// <summary>The longest label, Korean or English.</summary>
    public const int MaxLabelLength = 40;

    /// <summary>The longest link.</summary>
    public const int MaxUrlLength = 1000;

    /// <summary>The largest value.</summary>
    public const long MaxValue = 1_000_000;

    /// <summary>How long a counter lives when the request names no ttl.</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromHours(24);

    /// <summary>The shortest ttl accepted.</summary>
    public static readonly TimeSpan MinTtl = TimeSpan.FromMinutes(1);

    /// <summary>The longest ttl accepted.</summary>
    public static readonly TimeSpan MaxTtl = TimeSpan.FromDays(7);
}
