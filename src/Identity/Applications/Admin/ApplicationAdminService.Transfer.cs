using GatewayPortal.Identity.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Identity.Applications.Admin;

public sealed partial class ApplicationAdminService
{
    /// <summary>Every application as a catalogue entry, by client id, without secrets.</summary>
    public async Task<IReadOnlyList<ApplicationSeedEntry>> ExportAsync(string actor, CancellationToken cancellationToken)
    {
        var rows = await db.Applications.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<ApplicationSeedEntry>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.ClientId, StringComparer.Ordinal))
        {
            entries.Add(await ToEntryAsync(row, cancellationToken).ConfigureAwait(false));
        }

        LogExported(logger, actor, entries.Count);
        return entries;
    }

    /// <summary>
    /// Imports a JSON or CSV file: every row is checked first (catalogue rules, directory groups, client types) and every
    /// problem is reported with its CSV line or JSON index; when there is any, nothing changes. Otherwise every
    /// application is created or updated in one transaction, and new confidential clients get secrets shown once.
    /// </summary>
    public Task<ApplicationImportResult> ImportAsync(string content, ApplicationImportFormat format, string actor, CancellationToken cancellationToken) =>
        ImportAsync(content, format, actor, dryRun: false, cancellationToken);

    /// <summary>
    /// Imports as <see cref="ImportAsync(string, ApplicationImportFormat, string, CancellationToken)"/> does; with
    /// <paramref name="dryRun"/> every check runs the same and the result counts what would be created and updated, but
    /// nothing is saved and no secret is made.
    /// </summary>
    public async Task<ApplicationImportResult> ImportAsync(string content, ApplicationImportFormat format, string actor, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (rows, errors) = Parse(content, format);
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new(null, null, null, new("", "the file holds no applications.")));
        }

        var existing = (await db.Applications.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(a => a.ClientId, StringComparer.Ordinal);
        var firstRow = new Dictionary<string, (int? Line, int? Index)>(StringComparer.Ordinal);
        var knownGroups = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, index, entry) in rows)
        {
            var problems = await CheckAsync(entry, isNew: false, existing.GetValueOrDefault(entry.ClientId), knownGroups, cancellationToken).ConfigureAwait(false);
            problems.RemoveAll(p => p.Kind == ApplicationFieldErrorKind.NotFound);
            if (entry.ClientId.Length > 0 && !firstRow.TryAdd(entry.ClientId, (line, index)))
            {
                var first = firstRow[entry.ClientId];
                problems.Add(new("clientId", $"duplicates {(first.Line is { } l ? $"line {l}" : $"applications[{first.Index}]")}.",
                    ApplicationFieldErrorKind.DuplicateClientId, entry.ClientId));
            }

            errors.AddRange(problems.Select(p => new ApplicationImportError(line, index, entry.ClientId.Length > 0 ? entry.ClientId : null, p)));
        }

        if (errors.Count > 0)
        {
            LogImportRejected(logger, actor, errors.Count);
            return new(errors);
        }

        if (dryRun)
        {
            var wouldCreate = rows.Count(r => !existing.ContainsKey(r.Entry.ClientId));
            return new([], wouldCreate, rows.Count - wouldCreate, []);
        }

        var secrets = new List<ApplicationNewSecret>();
        var created = 0;
        AdminAuditEntry? audited = null;
        await InTransactionAsync(async () =>
        {
            var createdIds = rows.Select(r => r.Entry.ClientId).Where(id => !existing.ContainsKey(id)).ToList();
            var updatedIds = rows.Select(r => r.Entry.ClientId).Where(existing.ContainsKey).ToList();
            audited = Stage(new(AdminAuditActions.ApplicationImport, AdminAuditTargets.Catalogue, format == ApplicationImportFormat.Csv ? "csv" : "json",
                $"{rows.Count} applications", Before: null, After: new { Created = createdIds, Updated = updatedIds },
                Summary: $"Imported {createdIds.Count} new and {updatedIds.Count} changed applications"));
            foreach (var (_, _, entry) in rows)
            {
                created += existing.ContainsKey(entry.ClientId) ? 0 : 1;
                if (await ApplyAsync(entry, cancellationToken).ConfigureAwait(false) is { } secret)
                {
                    secrets.Add(new(entry.ClientId, secret));
                }
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);

        Logged(audited);
        LogImported(logger, actor, created, rows.Count - created);
        return new([], created, rows.Count - created, secrets);
    }

    private static (List<(int? Line, int? Index, ApplicationSeedEntry Entry)> Rows, List<ApplicationImportError> Errors) Parse(string content, ApplicationImportFormat format)
    {
        if (format == ApplicationImportFormat.Csv)
        {
            var (csvRows, csvErrors) = ApplicationCatalogCsv.Read(content);
            return ([.. csvRows.Select(r => ((int?)r.Line, (int?)null, r.Entry))], [.. csvErrors]);
        }

        var (entries, jsonErrors) = ApplicationCatalogJson.Read(content);
        var rows = new List<(int?, int?, ApplicationSeedEntry)>();
        var errors = jsonErrors.ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is null)
            {
                errors.Add(new(null, i, null, new("", "is null.")));
                continue;
            }

            rows.Add((null, i, entries[i]));
        }

        return (rows, errors);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Actor} exported {Count} applications")]
    private static partial void LogExported(ILogger logger, string actor, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Actor} imported applications: {Created} created, {Updated} updated")]
    private static partial void LogImported(ILogger logger, string actor, int created, int updated);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Actor} tried an import with {Count} errors; nothing changed")]
    private static partial void LogImportRejected(ILogger logger, string actor, int count);
}
