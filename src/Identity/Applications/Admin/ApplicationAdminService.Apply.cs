using GatewayPortal.Identity.Directory;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace GatewayPortal.Identity.Applications.Admin;

public sealed partial class ApplicationAdminService
{
    private async Task<ApplicationSeedEntry> ToEntryAsync(PortalApplication row, CancellationToken cancellationToken)
    {
        var client = await manager.FindByClientIdAsync(row.ClientId, cancellationToken).ConfigureAwait(false);
        var permissions = client is null ? [] : await manager.GetPermissionsAsync(client, cancellationToken).ConfigureAwait(false);
        return ApplicationEntryMapper.ToEntry(row, permissions);
    }

    /// <summary>Everything wrong with saving <paramref name="entry"/>: catalogue rules, directory groups, identity.</summary>
    private async Task<List<ApplicationFieldError>> CheckAsync(
        ApplicationSeedEntry entry, bool isNew, PortalApplication? existing, Dictionary<string, bool> knownGroups, CancellationToken cancellationToken)
    {
        var errors = ApplicationEntryValidator.Validate(entry).ToList();
        if (isNew && existing is not null)
        {
            errors.Add(new("clientId", "is already registered.", ApplicationFieldErrorKind.DuplicateClientId, entry.ClientId));
        }
        else if (!isNew && existing is null)
        {
            errors.Add(new("clientId", "is not registered.", ApplicationFieldErrorKind.NotFound, entry.ClientId));
        }
        else if (existing is not null && ApplicationCatalogNames.ParseClientType(entry.ClientType) is { } type && type != existing.ClientType)
        {
            errors.Add(new("clientType", "an existing client cannot switch between confidential and public; register a new client id.",
                ApplicationFieldErrorKind.ClientTypeChanged, entry.ClientType));
        }

        if (errors.Any(e => e.BaseField == "allowedGroups"))
        {
            return errors;
        }

        errors.AddRange(await CheckGroupsAsync(entry.AllowedGroups, knownGroups, cancellationToken).ConfigureAwait(false));
        return errors;
    }

    private async Task<List<ApplicationFieldError>> CheckGroupsAsync(IReadOnlyList<string> groups, Dictionary<string, bool> known, CancellationToken cancellationToken)
    {
        var errors = new List<ApplicationFieldError>();
        if (groups.Count == 0)
        {
            return errors;
        }

        if (groupLookup is null)
        {
            errors.Add(new("allowedGroups", "no directory group lookup is configured.", ApplicationFieldErrorKind.GroupCheckUnavailable));
            return errors;
        }

        try
        {
            for (var i = 0; i < groups.Count; i++)
            {
                if (!known.TryGetValue(groups[i], out var exists))
                {
                    exists = await groupLookup.ExistsAsync(groups[i], cancellationToken).ConfigureAwait(false);
                    known[groups[i]] = exists;
                }

                if (!exists)
                {
                    errors.Add(new($"allowedGroups[{i}]", $"\"{groups[i]}\" is not a directory group.", ApplicationFieldErrorKind.UnknownGroup, groups[i]));
                }
            }
        }
        catch (DirectoryUnavailableException)
        {
            errors.Add(new("allowedGroups", "the directory is unavailable.", ApplicationFieldErrorKind.GroupCheckUnavailable));
        }

        return errors;
    }

    /// <summary>Creates or updates the row and the OpenIddict client; returns a new client's generated secret.</summary>
    private async Task<string?> ApplyAsync(ApplicationSeedEntry entry, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var row = await db.Applications.FirstOrDefaultAsync(a => a.ClientId == entry.ClientId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            db.Applications.Add(ApplicationSeedMapper.ToEntity(entry, now));
        }
        else
        {
            ApplicationEntryMapper.Apply(row, entry, now);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        string? secret = null;
        var client = await manager.FindByClientIdAsync(entry.ClientId, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            var descriptor = ApplicationSeedMapper.ToDescriptor(entry);
            if (descriptor.ClientSecret is not null)
            {
                secret = NewSecret();
                descriptor.ClientSecret = secret;
            }

            await manager.CreateAsync(descriptor, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var current = new OpenIddictApplicationDescriptor();
            await manager.PopulateAsync(current, client, cancellationToken).ConfigureAwait(false);
            ApplicationEntryMapper.Apply(current, entry);
            await manager.UpdateAsync(client, current, cancellationToken).ConfigureAwait(false);
        }

        return secret;
    }

    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        // OpenIddict's EF store saves through the same scoped DbContext, so one transaction covers rows and clients.
        var context = db as DbContext ?? throw new InvalidOperationException("IApplicationsDbContext must be an EF Core DbContext.");
        var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var result = await work().ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        catalogue.Invalidate();
        if (registryListener is not null)
        {
            await registryListener.RegistryChangedAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
