using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Applications;

/// <inheritdoc/>
/// <remarks>
/// Takes the whole catalogue (a few hundred rows) from <see cref="ApplicationCatalogue"/> and applies
/// <see cref="ApplicationAccessPolicy"/> in memory; favorites and launches take one query each.
/// </remarks>
public sealed class LauncherService(IApplicationsDbContext db, ApplicationCatalogue catalogue, TimeProvider timeProvider) : ILauncherService
{
    /// <summary>How many distinct applications "recently used" shows.</summary>
    public const int MaxRecent = 8;

    /// <summary>How many launches are kept per person.</summary>
    public const int MaxLaunchesPerUser = 50;

    /// <inheritdoc/>
    public async Task<LauncherView> GetAsync(
        string subjectId, IReadOnlyCollection<string> userGroups, string? filter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        ArgumentNullException.ThrowIfNull(userGroups);

        var applications = await catalogue.GetLaunchableAsync(db, cancellationToken).ConfigureAwait(false);
        var pins = await db.ApplicationFavorites.AsNoTracking()
            .Where(f => f.SubjectId == subjectId)
            .OrderBy(f => f.CreatedUtc)
            .Select(f => f.ApplicationId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var launches = await db.ApplicationLaunches.AsNoTracking()
            .Where(l => l.SubjectId == subjectId)
            .OrderByDescending(l => l.LaunchedUtc).ThenByDescending(l => l.Id)
            .Take(MaxLaunchesPerUser)
            .Select(l => l.ApplicationId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var english = IsEnglish(CultureInfo.CurrentUICulture);
        var now = timeProvider.GetUtcNow();
        var pinned = pins.ToHashSet();
        var permitted = applications
            .Where(a => ApplicationAccessPolicy.Evaluate(a, userGroups, now) is ApplicationAccessDecision.Allowed or ApplicationAccessDecision.Maintenance)
            .ToList();
        var ranks = string.IsNullOrWhiteSpace(filter)
            ? null
            : permitted.Select(a => (App: a, Rank: LauncherFilter.Rank(a, filter))).Where(r => r.Rank is not null).ToDictionary(r => r.App.Id, r => r.Rank!.Value);
        var visible = permitted
            .Where(a => ranks is null || ranks.ContainsKey(a.Id))
            .ToDictionary(a => a.Id, a => ToView(a, english, pinned.Contains(a.Id), now));

        var categories = ApplicationCategories.All
            .Select(c => new LauncherCategory(
                c.Code,
                english ? c.NameEn : c.NameKo,
                [.. applications.Where(a => string.Equals(a.Category, c.Code, StringComparison.Ordinal) && visible.ContainsKey(a.Id))
                    .Select(a => visible[a.Id])
                    .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(a => a.ClientId, StringComparer.Ordinal)]))
            .Where(c => c.Apps.Count > 0)
            .ToList();
        List<LauncherApp> favorites = [.. pins.Where(visible.ContainsKey).Select(id => visible[id])];
        List<LauncherApp> recent = [.. launches.Distinct().Where(visible.ContainsKey).Take(MaxRecent).Select(id => visible[id])];
        List<LauncherApp> results = ranks is null
            ? []
            : [.. visible.Values
                .OrderBy(a => ranks[a.Id])
                .ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(a => a.ClientId, StringComparer.Ordinal)];
        return new LauncherView(categories, favorites, recent) { Results = results };
    }

    /// <inheritdoc/>
    public async Task<bool> TogglePinAsync(string subjectId, int applicationId, CancellationToken cancellationToken = default)
    {
        CheckSubject(subjectId);
        var favorite = await db.ApplicationFavorites
            .FirstOrDefaultAsync(f => f.SubjectId == subjectId && f.ApplicationId == applicationId, cancellationToken).ConfigureAwait(false);
        if (favorite is not null)
        {
            db.ApplicationFavorites.Remove(favorite);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (!await db.Applications.AnyAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        db.ApplicationFavorites.Add(new UserFavoriteApplication
        {
            SubjectId = subjectId,
            ApplicationId = applicationId,
            CreatedUtc = timeProvider.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    public async Task RecordLaunchAsync(string subjectId, int applicationId, CancellationToken cancellationToken = default)
    {
        CheckSubject(subjectId);
        if (!await db.Applications.AnyAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        db.ApplicationLaunches.Add(new ApplicationLaunch
        {
            SubjectId = subjectId,
            ApplicationId = applicationId,
            LaunchedUtc = timeProvider.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // Ids grow with time, so everything at or below the 51st newest id is history nobody sees.
        var oldestToDrop = await db.ApplicationLaunches
            .Where(l => l.SubjectId == subjectId)
            .OrderByDescending(l => l.Id)
            .Select(l => l.Id)
            .Skip(MaxLaunchesPerUser)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (oldestToDrop > 0)
        {
            await db.ApplicationLaunches
                .Where(l => l.SubjectId == subjectId && l.Id <= oldestToDrop)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsEnglish(CultureInfo culture) =>
        string.Equals(culture.TwoLetterISOLanguageName, "en", StringComparison.Ordinal);

    private static LauncherApp ToView(PortalApplication application, bool english, bool isPinned, DateTimeOffset now) => new(
        application.Id,
        application.ClientId,
        english ? application.NameEn : application.NameKo,
        english ? application.DescriptionEn : application.DescriptionKo,
        application.Icon,
        application.LaunchUrl ?? "",
        application.EffectiveStatus(now),
        application.EffectiveStatus(now) == ApplicationStatus.Maintenance
            ? (english ? application.MaintenanceMessageEn ?? application.MaintenanceMessageKo : application.MaintenanceMessageKo)
            : null,
        isPinned);

    private static void CheckSubject(string subjectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subjectId.Length, ApplicationsModelBuilderExtensions.MaxSubjectIdLength, nameof(subjectId));
    }
}
