using GatewayPortal.Identity.Directory;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>
/// The counters API's rules: which client may push (registered, not retired, still granted the scope and the client
/// credentials grant), and which items are applied (field rules, own origin, people allowed to use the application).
/// Everything is checked before one short write.
/// </summary>
public sealed class WorkCounterPublisher(
    IWorkCountersDbContextFactory contexts,
    IOpenIddictApplicationManager clients,
    DirectoryMembershipCache membership,
    WorkCounterStore store,
    TimeProvider time)
{
    /// <summary>Checks, on every request, that <paramref name="clientId"/> may still push counters.</summary>
    public async Task<WorkCounterClientVerdict> AuthorizeAsync(string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ClientId == clientId, cancellationToken).ConfigureAwait(false);
        var client = application is null ? null : await clients.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (application is null || client is null)
        {
            return new(null, "unknown_client");
        }

        if (application.Status == ApplicationStatus.Retired)
        {
            return new(null, "application_retired");
        }

        var permissions = await clients.GetPermissionsAsync(client, cancellationToken).ConfigureAwait(false);
        return permissions.Contains(Permissions.Prefixes.Scope + WorkCounterLimits.Scope) && permissions.Contains(Permissions.GrantTypes.ClientCredentials)
            ? new(application, null)
            : new(null, "permission_revoked");
    }

    /// <summary>Validates <paramref name="batch"/> for <paramref name="application"/> and writes what passes.</summary>
    public async Task<WorkCounterPublishResult> PublishAsync(PortalApplication application, WorkCounterBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(batch);
        var (rows, rejected) = WorkCounterValidator.Validate(application, batch, time.GetUtcNow().UtcDateTime);
        if (rows.Count > 0)
        {
            var people = await membership.GetAsync(cancellationToken).ConfigureAwait(false);
            var allowed = people.AllowedIn(application.AllowedGroups);
            var kept = new List<WorkCounterRow>(rows.Count);
            foreach (var (index, row) in rows)
            {
                if (allowed(row.SubjectId))
                {
                    kept.Add(row);
                }
                else
                {
                    rejected.Add(new(index, row.SubjectId, row.Key, "sub_not_allowed",
                        "sub is not an enabled person allowed to use this application."));
                }
            }

            rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
            await store.UpsertAsync(kept, cancellationToken).ConfigureAwait(false);
            return new(kept.Count, rejected);
        }

        return new(0, rejected);
    }
}
