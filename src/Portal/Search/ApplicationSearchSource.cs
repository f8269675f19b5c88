using System.Runtime.CompilerServices;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Portal.Data;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Search;

/// <summary>Every launchable application of the registry, visible to the groups allowed to use it.</summary>
public sealed class ApplicationSearchSource(IDbContextFactory<PortalDbContext> contexts, ApplicationCatalogue catalogue) : ISearchSource
{
    /// <inheritdoc/>
    public string Name => SearchSources.Application;

    /// <inheritdoc/>
    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<PortalApplication> applications;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            applications = await catalogue.GetLaunchableAsync(db, cancellationToken).ConfigureAwait(false);
        }

        foreach (var application in applications)
        {
            yield return ToDocument(application);
        }
    }

    /// <summary>The search document of one application.</summary>
    public static SearchDocument ToDocument(PortalApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var category = ApplicationCategories.Find(application.Category);
        return new SearchDocument
        {
            Id = "app:" + application.ClientId,
            Source = SearchSources.Application,
            Title = application.NameKo,
            // The English name as a heading, so English queries rank the application as well.
            Headings = [application.NameEn],
            Body = string.Join('\n', application.DescriptionKo, application.DescriptionEn, application.OwnerDepartment),
            Url = "/launch/" + Uri.EscapeDataString(application.ClientId),
            Breadcrumb = category?.NameKo ?? application.Category,
            Date = new DateTimeOffset(DateTime.SpecifyKind(application.UpdatedUtc, DateTimeKind.Utc)),
            Language = "ko",
            AllowedPrincipals = PortalSearchPrincipals.ForGroups(application.AllowedGroups),
        };
    }
}
