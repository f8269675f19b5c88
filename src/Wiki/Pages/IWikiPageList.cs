using GatewayPortal.Wiki.Access;

namespace GatewayPortal.Wiki.Pages;

/// <summary>The list of live pages (no redirects, no deleted pages), filtered by read access.</summary>
public interface IWikiPageList
{
    /// <summary>One page of the list.</summary>
    Task<PagedResult<WikiPageListItem>> ListAsync(WikiPageListQuery query, WikiActor actor, CancellationToken cancellationToken = default);

    /// <summary>The keys of spaces that hold live pages, in order ("" is the main space).</summary>
    Task<IReadOnlyList<string>> GetSpacesAsync(CancellationToken cancellationToken = default);
}
