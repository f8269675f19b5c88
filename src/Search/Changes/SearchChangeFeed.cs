using GatewayPortal.Search.Storage;

namespace GatewayPortal.Search.Changes;

/// <summary>Adds rows to <c>search_changes</c> in the caller's context; the follower applies other nodes' rows.</summary>
internal sealed class SearchChangeFeed(ISearchNode node, TimeProvider timeProvider) : ISearchChangeFeed
{
    /// <summary>Longest source name.</summary>
    public const int MaxSourceLength = 32;

    /// <summary>Longest document key.</summary>
    public const int MaxKeyLength = 400;

    /// <inheritdoc/>
    public void Add(ISearchDbContext db, string source, string key, SearchChangeKind kind)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(source.Length, MaxSourceLength, nameof(source));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, MaxKeyLength, nameof(key));
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown change kind.");
        }

        db.SearchChanges.Add(new SearchChangeRow
        {
            Source = source,
            Key = key,
            Kind = kind,
            Node = node.Name,
            CreatedUtc = timeProvider.GetUtcNow().UtcDateTime,
        });
    }
}
