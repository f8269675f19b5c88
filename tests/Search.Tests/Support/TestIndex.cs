using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Querying;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Search.Tests.Support;

/// <summary>A real Lucene index (in memory by default) with its search service.</summary>
internal sealed class TestIndex : IDisposable
{
    public TestIndex(string? path = null, TimeSpan? refreshInterval = null, Action<SearchIndexOptions>? configure = null, TimeProvider? refreshClock = null)
    {
        var options = new SearchIndexOptions
        {
            InMemory = path is null,
            IndexPath = path ?? string.Empty,
            RefreshInterval = refreshInterval ?? TimeSpan.FromMilliseconds(50),
        };
        configure?.Invoke(options);
        Index = new SearchIndex(Options.Create(options), NullLogger<SearchIndex>.Instance, refreshClock ?? TimeProvider.System);
        Service = new SearchService(Index, new FakeTimeProvider(Docs.Now));
    }

    public SearchIndex Index { get; }

    public SearchService Service { get; }

    /// <summary>Indexes documents and makes them visible at once.</summary>
    public TestIndex With(params SearchDocument[] documents)
    {
        Index.Upsert(documents);
        Index.Refresh();
        return this;
    }

    public SearchResults Search(string query, params string[] principals) =>
        Service.Search(new SearchRequest(query, principals));

    public List<string> Ids(string query, params string[] principals) =>
        [.. Search(query, principals).Hits.Select(h => h.Id)];

    public void Dispose()
    {
        Service.Dispose();
        Index.Dispose();
    }
}
