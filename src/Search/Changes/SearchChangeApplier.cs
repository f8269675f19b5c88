using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Changes;

/// <summary>
/// Applies other nodes' changes to this node's index by re-reading each named document from the database, so the
/// order in which changes arrive does not matter: the index ends up as the database is.
/// </summary>
public sealed partial class SearchChangeApplier(
    IEnumerable<ISearchChangeHandler> handlers, ISearchIndex index, ILogger<SearchChangeApplier> logger)
{
    private readonly Dictionary<string, ISearchChangeHandler> _handlers =
        handlers.ToDictionary(h => SearchSources.Normalize(h.Source), StringComparer.Ordinal);

    /// <summary>Applies the changes (each document once) and makes them searchable. Database failures are thrown.</summary>
    public async Task ApplyAsync(IEnumerable<SearchChangeRow> changes, CancellationToken cancellationToken)
    {
        var documents = changes.Select(c => (Source: SearchSources.Normalize(c.Source), c.Key)).Distinct().ToList();
        if (documents.Count == 0)
        {
            return;
        }

        foreach (var (source, key) in documents)
        {
            if (!_handlers.TryGetValue(source, out var handler) || !await handler.ApplyAsync(key, cancellationToken).ConfigureAwait(false))
            {
                LogIgnored(logger, source, key);
            }
        }

        index.Refresh();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search change for {Source} '{Key}' ignored: no such source or key")]
    private static partial void LogIgnored(ILogger logger, string source, string key);

}
