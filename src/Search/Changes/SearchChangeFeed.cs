using GatewayPortal.Search.Storage;

namespace GatewayPortal.Search.Changes;

/// <summary>Publishes changes as rows of <c>search_changes</c>; the follower applies other nodes' rows.</summary>
internal sealed class SearchChangeFeed(ISearchDbContextFactory contexts, ISearchNode node, TimeProvider timeProvider) : ISearchChangeFeed
{
    /// <summary>Longest source name.</summary>
    public const int MaxSourceLength = 32;

    /// <summary>Longest document key.</summary>
    public const int MaxKeyLength = 400;

    /// <inheritdoc/>
    public async Task PublishAsync(string source, string key, SearchChangeKind kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(source.Length, MaxSourceLength, nameof(source));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, MaxKeyLength, nameof(key));
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown change kind.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.SearchChanges.Add(new SearchChangeRow
        {
            Source = source,
            Key = key,
            Kind = kind.ToString(),
            Node = node.Name,
            CreatedUtc = timeProvider.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
