using GatewayPortal.Identity.Applications.Admin;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Search.Crawling.Sites;

namespace GatewayPortal.Portal.Search;

/// <summary>Checks a crawl site's groups against the staff directory.</summary>
internal sealed class DirectoryCrawlGroups(IDirectoryGroupLookup groups) : ICrawlGroupDirectory
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>?> FindUnknownAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        try
        {
            var unknown = new List<string>();
            foreach (var name in names)
            {
                if (!await groups.ExistsAsync(name, cancellationToken).ConfigureAwait(false))
                {
                    unknown.Add(name);
                }
            }

            return unknown;
        }
        catch (DirectoryUnavailableException)
        {
            return null;
        }
    }
}
