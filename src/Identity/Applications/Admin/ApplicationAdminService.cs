using System.Buffers.Text;
using System.Security.Cryptography;
using GatewayPortal.Identity.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>
/// Administers the application registry: each change updates our row and the OpenIddict client together, in one
/// transaction, with the catalogue's validation rules. Secrets are generated here, shown once and stored only hashed.
/// </summary>
public sealed partial class ApplicationAdminService(
    IApplicationsDbContext db,
    IOpenIddictApplicationManager manager,
    ApplicationCatalogue catalogue,
    TimeProvider timeProvider,
    ILogger<ApplicationAdminService> logger,
    IDirectoryGroupLookup? groupLookup = null,
    IApplicationRegistryListener? registryListener = null,
    IAdminAuditTrail? auditTrail = null)
{
    /// <summary>Rows per page of <see cref="SearchAsync"/>.</summary>
    public const int PageSize = 50;

    /// <summary>Finds applications by client id or name (ko/en), category and status.</summary>
    public async Task<ApplicationListPage> SearchAsync(ApplicationAdminQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        // A city hall has a few hundred systems: filtering in memory matches Korean and case the same on every database.
        var all = await db.Applications.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var text = query.Text?.Trim();
        // The status filter is the one staff see: a maintenance that has ended counts as in service.
        var now = timeProvider.GetUtcNow();
        var matches = all
            .Where(a => string.IsNullOrEmpty(text)
                || a.ClientId.Contains(text, StringComparison.OrdinalIgnoreCase)
                || a.NameKo.Contains(text, StringComparison.OrdinalIgnoreCase)
                || a.NameEn.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Where(a => query.Category is null || string.Equals(a.Category, query.Category, StringComparison.Ordinal))
            .Where(a => query.Status is null || a.EffectiveStatus(now) == query.Status)
            .OrderBy(a => a.ClientId, StringComparer.Ordinal)
            .ToList();
        var pageCount = Math.Max(1, (matches.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        return new ApplicationListPage([.. matches.Skip((page - 1) * PageSize).Take(PageSize)], matches.Count, page, PageSize);
    }

    /// <summary>The application as a catalogue entry (grant types and scopes from its OpenIddict client), or null.</summary>
    public async Task<ApplicationSeedEntry?> GetAsync(string clientId, CancellationToken cancellationToken)
    {
        var row = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ClientId == clientId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : await ToEntryAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registers a new application; a confidential client gets a generated secret, returned once.</summary>
    public Task<ApplicationSaveResult> CreateAsync(ApplicationSeedEntry entry, string actor, CancellationToken cancellationToken) =>
        SaveAsync(entry, isNew: true, actor, cancellationToken);

    /// <summary>Updates an application's row and OpenIddict client; the secret is kept.</summary>
    public Task<ApplicationSaveResult> UpdateAsync(ApplicationSeedEntry entry, string actor, CancellationToken cancellationToken) =>
        SaveAsync(entry, isNew: false, actor, cancellationToken);

    /// <summary>
    /// Puts an application in service, into maintenance (with a notice in both languages and, optionally, when it
    /// ends: after <paramref name="endsUtc"/> the notice disappears by itself) or retires it.
    /// </summary>
    public async Task<ApplicationSaveResult> SetStatusAsync(
        string clientId, ApplicationStatus status, string? messageKo, string? messageEn, string actor, CancellationToken cancellationToken,
        DateTimeOffset? endsUtc = null)
    {
        var entry = await GetAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return new([new("clientId", "is not registered.", ApplicationFieldErrorKind.NotFound, clientId)]);
        }

        var maintenance = status == ApplicationStatus.Maintenance;
        var changed = entry with
        {
            Status = ApplicationCatalogNames.Of(status),
            MaintenanceMessageKo = maintenance ? messageKo?.Trim() : null,
            MaintenanceMessageEn = maintenance ? messageEn?.Trim() : null,
            MaintenanceEndsUtc = maintenance ? endsUtc : null,
        };

        // Only the status fields change: the group check would add nothing but a directory round trip.
        var errors = ApplicationEntryValidator.Validate(changed).Where(e => e.Field.StartsWith("maintenance", StringComparison.Ordinal) || e.Field == "status").ToList();
        if (errors.Count > 0)
        {
            return new(errors);
        }

        AdminAuditEntry? audited = null;
        await InTransactionAsync(async () =>
        {
            audited = Stage(new(AdminAuditActions.ApplicationStatus, AdminAuditTargets.Application, clientId, entry.NameKo, StatusState(entry), StatusState(changed),
                $"Status {entry.Status} -> {changed.Status}"));
            return await ApplyAsync(changed, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        Logged(audited);
        LogStatusChanged(logger, actor, clientId, status);
        return new([]);
    }

    /// <summary>
    /// Gives a confidential client a new random secret (32 bytes, base64url) and returns it once; the old one stops
    /// working at once. Null when the client does not exist or is public.
    /// </summary>
    public async Task<string?> RotateSecretAsync(string clientId, string actor, CancellationToken cancellationToken)
    {
        var row = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ClientId == clientId, cancellationToken).ConfigureAwait(false);
        var client = await manager.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (row is not { ClientType: ApplicationClientType.Confidential } || client is null)
        {
            return null;
        }

        var secret = NewSecret();

        // The row records that the secret was reset, never the secret; it commits with OpenIddict's save of the client.
        var audited = Stage(new(AdminAuditActions.ApplicationSecretReset, AdminAuditTargets.Application, clientId, row.NameKo,
            Summary: "Client secret reset; the previous secret stopped working"));
        await manager.UpdateAsync(client, secret, cancellationToken).ConfigureAwait(false);
        await SaveStagedAsync(audited, cancellationToken).ConfigureAwait(false);
        Logged(audited);
        LogSecretRotated(logger, actor, clientId);
        return secret;
    }

    private async Task<ApplicationSaveResult> SaveAsync(ApplicationSeedEntry entry, bool isNew, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var existing = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ClientId == entry.ClientId, cancellationToken).ConfigureAwait(false);
        var errors = await CheckAsync(entry, isNew, existing, new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase), cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return new(errors);
        }

        var before = existing is null ? null : await ToEntryAsync(existing, cancellationToken).ConfigureAwait(false);
        AdminAuditEntry? audited = null;
        var secret = await InTransactionAsync(async () =>
        {
            audited = Stage(new(isNew ? AdminAuditActions.ApplicationCreate : AdminAuditActions.ApplicationUpdate, AdminAuditTargets.Application,
                entry.ClientId, entry.NameKo, before, entry, isNew ? "Application registered" : "Application updated"));
            return await ApplyAsync(entry, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        Logged(audited);
        if (isNew)
        {
            LogCreated(logger, actor, entry.ClientId);
        }
        else
        {
            LogUpdated(logger, actor, entry.ClientId);
        }

        return new([], secret);
    }

    private static object StatusState(ApplicationSeedEntry entry) => new
    {
        entry.Status,
        entry.MaintenanceMessageKo,
        entry.MaintenanceMessageEn,
        entry.MaintenanceEndsUtc,
    };

    /// <summary>Adds the audit row to this service's context, so it commits with the change (null without a trail).</summary>
    private AdminAuditEntry? Stage(AdminAuditEvent change) =>
        auditTrail is null ? null : auditTrail.Stage(db as DbContext ?? throw new InvalidOperationException("IApplicationsDbContext must be an EF Core DbContext."), change);

    /// <summary>Saves a staged row that no save of the change picked up (a store with a context of its own).</summary>
    private async Task SaveStagedAsync(AdminAuditEntry? staged, CancellationToken cancellationToken)
    {
        if (staged is not null && db is DbContext context && context.Entry(staged).State == EntityState.Added)
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Logged(AdminAuditEntry? entry)
    {
        if (entry is not null)
        {
            auditTrail!.Log(entry);
        }
    }

    private static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Actor} registered application {ClientId}")]
    private static partial void LogCreated(ILogger logger, string actor, string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Actor} updated application {ClientId}")]
    private static partial void LogUpdated(ILogger logger, string actor, string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Actor} set application {ClientId} to {Status}")]
    private static partial void LogStatusChanged(ILogger logger, string actor, string clientId, ApplicationStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Actor} rotated the client secret of {ClientId}")]
    private static partial void LogSecretRotated(ILogger logger, string actor, string clientId);
}
