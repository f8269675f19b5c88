using System.Text.Json.Serialization;

namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>A request body as an object: either <c>{"ttl": …, "items": [ … ]}</c> or one item's fields.</summary>
internal sealed record WorkCounterRequestBody
{
    [JsonPropertyName("items")]
    public List<WorkCounterItem>? Items { get; init; }

    [JsonPropertyName("sub")]
    public string? Sub { get; init; }

    [JsonPropertyName("key")]
    public string? Key { get; init; }

    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("labelEn")]
    public string? LabelEn { get; init; }

    [JsonPropertyName("value")]
    public long? Value { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("ttl")]
    public int? Ttl { get; init; }
}
