using System.Text.Json;
using System.Text.Json.Serialization;

namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>
/// Reads a counters request body: a JSON object with <c>items</c> (and an optional <c>ttl</c>), a single item object,
/// or a JSON array of items. Unknown fields, wrong types and bad JSON are refused whole, with the JSON path.
/// </summary>
public static class WorkCounterRequestReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 8,
    };

    /// <summary>Parses <paramref name="utf8Json"/>; throws <see cref="WorkCounterRequestException"/> for anything unreadable.</summary>
    public static WorkCounterBatch Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        var first = FirstToken(utf8Json);
        try
        {
            if (first == (byte)'[')
            {
                var items = JsonSerializer.Deserialize<List<WorkCounterItem?>>(utf8Json, Options) ?? [];
                return new WorkCounterBatch(Checked(items), null);
            }

            if (first != (byte)'{')
            {
                throw new WorkCounterRequestException("The body must be a JSON object or array.");
            }

            var body = JsonSerializer.Deserialize<WorkCounterRequestBody>(utf8Json, Options)
                ?? throw new WorkCounterRequestException("The body must be a JSON object or array.");
            if (body.Items is { } list)
            {
                if (body.Sub is not null || body.Key is not null || body.Label is not null || body.LabelEn is not null || body.Value is not null || body.Url is not null)
                {
                    throw new WorkCounterRequestException("A body with \"items\" has only \"items\" and \"ttl\" at the top level.");
                }

                return new WorkCounterBatch(Checked(list!), body.Ttl);
            }

            var item = new WorkCounterItem { Sub = body.Sub, Key = body.Key, Label = body.Label, LabelEn = body.LabelEn, Value = body.Value, Url = body.Url, Ttl = body.Ttl };
            return new WorkCounterBatch([item], null);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) ? "" : $" at {ex.Path}";
            throw new WorkCounterRequestException($"The body is not valid counters JSON{where}: {Reason(ex)}", ex);
        }
    }

    private static List<WorkCounterItem> Checked(List<WorkCounterItem?> items)
    {
        if (items.Count == 0)
        {
            throw new WorkCounterRequestException("The request has no items.");
        }

        if (items.Count > WorkCounterLimits.MaxItemsPerRequest)
        {
            throw new WorkCounterRequestException($"The request has {items.Count} items; at most {WorkCounterLimits.MaxItemsPerRequest} are accepted at once.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw new WorkCounterRequestException($"items[{i}] is null; each item must be an object.");
            }
        }

        return items!;
    }

    private static byte FirstToken(ReadOnlySpan<byte> json)
    {
        foreach (var b in json)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        throw new WorkCounterRequestException("The body is empty.");
    }

    // System.Text.Json's messages name .NET types; the caller needs the JSON's shape.
    private static string Reason(JsonException ex) =>
        ex.Message.Contains("could not be converted", StringComparison.Ordinal) ? "a value has the wrong type (sub, key, label, labelEn, url are strings; value and ttl are whole numbers)."
        : ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "an unknown field (known: items, ttl, sub, key, label, labelEn, value, url)."
        : "malformed JSON.";
}
