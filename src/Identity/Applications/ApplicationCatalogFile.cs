using System.Text.Json;
using System.Text.Json.Serialization;

namespace GatewayPortal.Identity.Applications;

/// <summary>Reads and validates the application catalogue file.</summary>
public static class ApplicationCatalogFile
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads <paramref name="path"/> and validates every entry.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or an entry is invalid; the message names each entry and field.</exception>
    public static async Task<IReadOnlyList<ApplicationSeedEntry>> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The application catalogue '{path}' does not exist (setting Applications:Seed:File).", path);
        }

        var stream = File.OpenRead(path);
        await using var streamDisposal = stream.ConfigureAwait(false);
        ApplicationCatalogDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<ApplicationCatalogDocument>(stream, SerializerOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            throw Unreadable(path, exception);
        }

        return Validate(document, path);
    }

    /// <summary>Parses catalogue JSON and validates every entry.</summary>
    /// <param name="json">The file's content.</param>
    /// <param name="source">A name for the source, used in error messages.</param>
    /// <exception cref="InvalidDataException">The JSON is invalid or an entry is invalid; the message names each entry and field.</exception>
    public static IReadOnlyList<ApplicationSeedEntry> Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ApplicationCatalogDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ApplicationCatalogDocument>(json, SerializerOptions);
        }
        catch (JsonException exception)
        {
            throw Unreadable(source, exception);
        }

        return Validate(document, source);
    }

    private static IReadOnlyList<ApplicationSeedEntry> Validate(ApplicationCatalogDocument? document, string source)
    {
        var entries = document?.Applications
            ?? throw new InvalidDataException($"The application catalogue '{source}' has no \"applications\" array.");
        var errors = ApplicationCatalogValidator.Validate(entries);
        if (errors.Count > 0)
        {
            throw new InvalidDataException(
                $"The application catalogue '{source}' has {errors.Count} error(s):{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", errors));
        }

        return entries;
    }

    private static InvalidDataException Unreadable(string source, JsonException exception) =>
        new($"The application catalogue '{source}' is not valid JSON for the catalogue: {exception.Message}", exception);

    private sealed class ApplicationCatalogDocument
    {
        public List<ApplicationSeedEntry>? Applications { get; init; }
    }
}
