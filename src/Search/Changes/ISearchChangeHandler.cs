namespace GatewayPortal.Search.Changes;

/// <summary>Re-reads one source's document named in the change feed and brings this node's index in line with it.</summary>
public interface ISearchChangeHandler
{
    /// <summary>The search source whose changes this handles (wiki, app, web).</summary>
    string Source { get; }

    /// <summary>Indexes or removes the document <paramref name="key"/> (visible at the next refresh); false when the key is not one of this source's.</summary>
    Task<bool> ApplyAsync(string key, CancellationToken cancellationToken);
}
