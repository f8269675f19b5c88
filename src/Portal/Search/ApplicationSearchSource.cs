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

    /// <summary>
    /// The search document of one application: Korean name, description and category as its own text, the English ones as
    /// its English translation, so each page shows one language and both find it.
    /// </summary>
    public static SearchDocument ToDocument(PortalApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var category = ApplicationCategories.Find(application.Category);
        return new SearchDocument
        {
            Id = "app:" + application.ClientId,
            Source = SearchSources.Application,
            Title = application.NameKo,
            // The owner department finds the system but is not part of its description.
            Headings = string.IsNullOrWhiteSpace(application.OwnerDepartment) ? [] : [application.OwnerDepartment],
            Body = application.DescriptionKo,
            Url = "/launch/" + Uri.EscapeDataString(application.ClientId),
            Breadcrumb = category?.NameKo ?? application.Category,
            Date = new DateTimeOffset(DateTime.SpecifyKind(application.UpdatedUtc, DateTimeKind.Utc)),
            Language = "ko",
            AllowedPrincipals = PortalSearchPrincipals.ForGroups(application.AllowedGroups),
            Translations = new Dictionary<string, SearchTranslation>(StringComparer.Ordinal)
            {
                // An English name or description left empty falls back to the Korean one.
                ["en"] = new(NullIfBlank(application.NameEn), NullIfBlank(application.DescriptionEn), category?.NameEn),
            },
        };
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
