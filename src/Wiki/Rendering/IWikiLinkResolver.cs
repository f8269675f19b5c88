using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>Tells the renderer which link targets exist, so missing pages render as red links.</summary>
public interface IWikiLinkResolver
{
    /// <summary>Returns the subset of <paramref name="titles"/> that are existing (not deleted) pages, in one batch.</summary>
    Task<IReadOnlySet<WikiTitle>> FindExistingAsync(IReadOnlyCollection<WikiTitle> titles, CancellationToken cancellationToken = default);
}
