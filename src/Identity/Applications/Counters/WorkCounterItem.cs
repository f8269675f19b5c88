using System.Text.Json.Serialization;

namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>One counter as a system sends it (JSON names as in docs/counters-api.md); checked by <see cref="WorkCounterValidator"/>.</summary>
public sealed record WorkCounterItem
{
    /// <summary>The person's subject id.</summary>
    [JsonPropertyName("sub")]
    public string? Sub { get; init; }

    /// <summary>The counter's name, <c>[a-z0-9._-]{1,40}</c>.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>The Korean label.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    /// <summary>The English label.</summary>
    [JsonPropertyName("labelEn")]
    public string? LabelEn { get; init; }

    /// <summary>The count, 0 to <see cref="WorkCounterLimits.MaxValue"/>; 0 removes the counter.</summary>
    [JsonPropertyName("value")]
    public long? Value { get; init; }

    /// <summary>Where the work is: same origin as the application's launch URL or a redirect URI.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Seconds until the counter expires; the request's ttl or 24 hours when absent.</summary>
    [JsonPropertyName("ttl")]
    public int? Ttl { get; init; }
}
