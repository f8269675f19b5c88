using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace GatewayPortal.Identity.Audit;

/// <summary>
/// Turns a target's state into bounded JSON for the audit trail: properties whose name suggests a secret are
/// replaced by a marker, long strings are cut, and a state still larger than
/// <see cref="AdminAuditEntry.MaxStateLength"/> keeps only a note that it was too large.
/// </summary>
public static class AdminAuditJson
{
    /// <summary>What a secret-looking property holds in the trail.</summary>
    public const string Redacted = "(redacted)";

    private const int MaxStringLength = 500;

    private static readonly string[] SecretWords = ["secret", "password", "token", "privatekey", "credential"];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <summary>The bounded, secret-free JSON of <paramref name="state"/>, or null.</summary>
    public static string? Serialize(object? state)
    {
        if (state is null)
        {
            return null;
        }

        var node = state as JsonNode ?? JsonSerializer.SerializeToNode(state, state.GetType(), Options);
        if (node is null)
        {
            return null;
        }

        node = Clean(node, depth: 0);
        var text = node?.ToJsonString(Options);
        if (text is null || text.Length <= AdminAuditEntry.MaxStateLength)
        {
            return text;
        }

        return new JsonObject { ["_truncated"] = true, ["_length"] = text.Length }.ToJsonString(Options);
    }

    /// <summary>True when a property of this name may hold a secret.</summary>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var flat = name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return SecretWords.Any(w => flat.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The top-level fields of a stored state as display text (nested values as compact JSON), in order; empty for null
    /// or for text that is not a JSON object.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Fields(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            if (JsonNode.Parse(json) is not JsonObject obj)
            {
                return [new("value", json)];
            }

            return [.. obj.Select(p => new KeyValuePair<string, string>(p.Key, Display(p.Value)))];
        }
        catch (JsonException)
        {
            return [new("value", json)];
        }
    }

    private static string Display(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray a when a.All(i => i is JsonValue) => string.Join(", ", a.Select(Display)),
        _ => value.ToJsonString(Options),
    };

    private static JsonNode? Clean(JsonNode? node, int depth)
    {
        switch (node)
        {
            case JsonObject obj when depth < 8:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = IsSecretName(key) && obj[key] is not null ? Redacted : Clean(obj[key]?.DeepClone(), depth + 1);
                }

                return obj;
            case JsonArray array when depth < 8:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Clean(array[i]?.DeepClone(), depth + 1);
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var s) && s.Length > MaxStringLength:
                return s[..MaxStringLength] + "…";
            case JsonObject or JsonArray:
                return "(nested too deep)";
            default:
                return node;
        }
    }
}
