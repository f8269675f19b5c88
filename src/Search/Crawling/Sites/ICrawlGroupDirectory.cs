namespace GatewayPortal.Search.Crawling.Sites;

/// <summary>Which directory groups exist, so a site's visibility cannot name a group by mistake (the host adapts its directory).</summary>
public interface ICrawlGroupDirectory
{
    /// <summary>The names among <paramref name="names"/> the directory does not know; null when the directory cannot be reached.</summary>
    Task<IReadOnlyList<string>?> FindUnknownAsync(IReadOnlyList<string> names, CancellationToken cancellationToken);
}
