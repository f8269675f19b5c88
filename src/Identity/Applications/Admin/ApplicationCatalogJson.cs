using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>The registry as JSON in the catalogue file's shape (<c>{"applications": [...]}</c>), never with secrets.</summary>
public static class ApplicationCatalogJson
{
    // The catalogue file's reading rules (ApplicationCatalogFile): exact names, no unknown members.
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    // A downloaded file, not HTML: keep Korean readable.
    private static readonly JsonSerializerOptions WriteOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="entries"/> without their secrets.</summary>
    public static string Write(IEnumerable<ApplicationSeedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return JsonSerializer.Serialize(new Document { Applications = [.. entries.Select(e => e with { ClientSecret = null })] }, WriteOptions);
    }

    /// <summary>Reads catalogue JSON; field values are not validated here.</summary>
    public static (IReadOnlyList<ApplicationSeedEntry> Entries, IReadOnlyList<ApplicationImportError> Errors) Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var document = JsonSerializer.Deserialize<Document>(json, ReadOptions);
            return document?.Applications is { } entries
                ? (entries, [])
                : ([], [new(null, null, null, new("", "the file has no \"applications\" array."))]);
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } n ? (int)n + 1 : (int?)null;
            return ([], [new(line, null, null, new("", $"is not valid catalogue JSON: {exception.Message}"))]);
        }
    }

    private sealed class Document
    {
        public List<ApplicationSeedEntry>? Applications { get; init; }
    }
}
