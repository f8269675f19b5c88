using System.Text;
using GatewayPortal.Identity.Applications.Admin;

namespace GatewayPortal.Portal.Operations;

/// <summary>
/// <c>catalog export|import</c>: the application catalogue as the admin page exports and imports it (JSON or CSV,
/// without secrets). An import checks every row first and changes nothing when any row has a problem.
/// </summary>
public sealed class CatalogCommand : IPortalCommand
{
    /// <summary>Largest file imported (the admin page's limit).</summary>
    public const int MaxImportBytes = 5 * 1024 * 1024;

    /// <inheritdoc/>
    public string Name => "catalog";

    /// <inheritdoc/>
    public string Summary => "export or import the application catalogue (JSON or CSV)";

    /// <inheritdoc/>
    public string Usage =>
        "catalog export <file|-> [--format json|csv]\n" +
        "catalog import <file|-> [--format json|csv] [--dry-run]\n" +
        "(- is standard output/input; the format defaults to the file's extension, else json)";

    /// <summary>Who the log says did it.</summary>
    internal static string Actor => "command-line:" + Environment.UserName;

    /// <inheritdoc/>
    public async Task<int> RunAsync(PortalCommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        if (args.Count == 0 || args[0] is not ("export" or "import"))
        {
            return context.UsageError(this, args.Count == 0 ? "say export or import." : $"unknown action '{args[0]}'; use export or import.");
        }

        var import = args[0] == "import";
        string? file = null;
        ApplicationImportFormat? format = null;
        var dryRun = false;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--format":
                    format = i + 1 < args.Count ? ParseFormat(args[++i]) : null;
                    if (format is null)
                    {
                        return context.UsageError(this, "--format takes json or csv.");
                    }

                    break;
                case "--dry-run" when import:
                    dryRun = true;
                    break;
                case var other when other != "-" && other.StartsWith('-'):
                    return context.UsageError(this, $"unknown option '{other}'.");
                case var path when file is null:
                    file = path;
                    break;
                default:
                    return context.UsageError(this, $"unexpected argument '{args[i]}'.");
            }
        }

        if (string.IsNullOrWhiteSpace(file))
        {
            return context.UsageError(this, $"name the file to {args[0]} (or - for standard {(import ? "input" : "output")}).");
        }

        format ??= string.Equals(Path.GetExtension(file), ".csv", StringComparison.OrdinalIgnoreCase) ? ApplicationImportFormat.Csv : ApplicationImportFormat.Json;
        var scope = context.Services.CreateAsyncScope();
        await using (scope)
        {
            // Not the registered listener: it re-indexes this node's search index, which the running node holds (opening it
            // here would write into the node's index). The nodes follow the change from the feed row the import commits.
            var admin = ActivatorUtilities.CreateInstance<ApplicationAdminService>(scope.ServiceProvider, new NoLocalIndex());
            return import
                ? await ImportAsync(context, admin, file, format.Value, dryRun, cancellationToken)
                : await ExportAsync(context, admin, file, format.Value, cancellationToken);
        }
    }

    private sealed class NoLocalIndex : IApplicationRegistryListener
    {
        public Task RegistryChangedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static ApplicationImportFormat? ParseFormat(string value) => value.ToLowerInvariant() switch
    {
        "json" => ApplicationImportFormat.Json,
        "csv" => ApplicationImportFormat.Csv,
        _ => null,
    };

    private static async Task<int> ExportAsync(PortalCommandContext context, ApplicationAdminService admin, string file, ApplicationImportFormat format, CancellationToken cancellationToken)
    {
        var entries = await admin.ExportAsync(Actor, cancellationToken);
        var text = format == ApplicationImportFormat.Csv ? ApplicationCatalogCsv.Write(entries) : ApplicationCatalogJson.Write(entries);
        if (file == "-")
        {
            await context.Out.WriteAsync(text);
            return PortalCommandExit.Ok;
        }

        try
        {
            // Written beside the target and moved over it, so a failed export never leaves half a file. A CSV starts with
            // a byte order mark, as the admin page's download does, so spreadsheet programs read the Korean text as UTF-8.
            var full = Path.GetFullPath(file);
            var temporary = full + ".tmp-" + Environment.ProcessId;
            await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: format == ApplicationImportFormat.Csv), cancellationToken);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"catalog: cannot write '{file}': {ex.Message}");
            return PortalCommandExit.Failed;
        }

        await context.Error.WriteLineAsync($"catalog: exported {entries.Count} applications to {file} ({format.ToString().ToLowerInvariant()}).");
        return PortalCommandExit.Ok;
    }

    private static async Task<int> ImportAsync(
        PortalCommandContext context, ApplicationAdminService admin, string file, ApplicationImportFormat format, bool dryRun, CancellationToken cancellationToken)
    {
        string content;
        try
        {
            content = await ReadAsync(file, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await context.Error.WriteLineAsync($"catalog: cannot read '{file}': {ex.Message}");
            return PortalCommandExit.Failed;
        }

        var result = await admin.ImportAsync(content, format, Actor, dryRun, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await context.Error.WriteLineAsync(Describe(file, error));
            }

            await context.Error.WriteLineAsync($"catalog: {result.Errors.Count} problems; nothing was saved.");
            return PortalCommandExit.Failed;
        }

        if (dryRun)
        {
            await context.Out.WriteLineAsync($"dry run: the file is valid; {result.Created} would be created, {result.Updated} updated; nothing was saved.");
            return PortalCommandExit.Ok;
        }

        await context.Out.WriteLineAsync($"imported: {result.Created} created, {result.Updated} updated.");
        foreach (var secret in result.NewSecrets ?? [])
        {
            // Shown once, as on the admin page: hand them to the applications' owners.
            await context.Out.WriteLineAsync($"new client secret\t{secret.ClientId}\t{secret.Secret}");
        }

        return PortalCommandExit.Ok;
    }

    /// <summary>One problem as <c>file:line: clientId field: problem</c> (or <c>applications[3]</c> for JSON).</summary>
    internal static string Describe(string file, ApplicationImportError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var where = error.Line is { } line ? $"{file}:{line}"
            : error.Index is { } index ? $"{file}: applications[{index}]"
            : file;
        var who = error.ClientId is null ? "" : $" ({error.ClientId})";
        var field = error.Error.Field.Length == 0 ? "" : " " + error.Error.Field;
        return $"{where}{who}{field}: {error.Error.Problem}";
    }

    private static async Task<string> ReadAsync(string file, CancellationToken cancellationToken)
    {
        var stream = file == "-" ? Console.OpenStandardInput() : File.OpenRead(file);
        await using (stream)
        {
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
                if (buffer.Length > MaxImportBytes)
                {
                    throw new InvalidDataException($"larger than {MaxImportBytes / 1024 / 1024} MB");
                }
            }

            buffer.Position = 0;
            using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return await reader.ReadToEndAsync(cancellationToken);
        }
    }
}
