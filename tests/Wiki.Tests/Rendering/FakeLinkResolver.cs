using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Tests.Rendering;

/// <summary>A resolver over a fixed set of existing titles that records how often it was asked.</summary>
internal sealed class FakeLinkResolver(params WikiTitle[] existing) : IWikiLinkResolver
{
    public int Calls { get; private set; }

    public Task<IReadOnlySet<WikiTitle>> FindExistingAsync(IReadOnlyCollection<WikiTitle> titles, CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult<IReadOnlySet<WikiTitle>>(titles.Where(existing.Contains).ToHashSet());
    }
}
