using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Indexing;

/// <summary>A system of record that can enumerate all of its searchable documents (for rebuilds).</summary>
public interface ISearchSource
{
    /// <summary>Source name; equals <see cref="SearchDocument.Source"/> of every document it yields.</summary>
    string Name { get; }

    /// <summary>Streams every current document with its allowed principals.</summary>
    IAsyncEnumerable<SearchDocument> ReadAllAsync(CancellationToken cancellationToken);
}
