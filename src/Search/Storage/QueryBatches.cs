using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Search.Storage;

/// <summary>
/// Runs a <c>keys.Contains(column)</c> query over a key list of any length in batches: EF Core turns each key into a SQL
/// parameter, and SQLite refuses a statement with more than 32,766 of them ("too many SQL variables").
/// </summary>
internal static class QueryBatches
{
    /// <summary>Keys per statement.</summary>
    public const int Size = 1_000;

    /// <summary>The rows of <paramref name="query"/> for every batch of the distinct <paramref name="keys"/>, concatenated.</summary>
    public static async Task<List<TResult>> ToListAsync<TKey, TResult>(IEnumerable<TKey> keys, Func<TKey[], IQueryable<TResult>> query, CancellationToken cancellationToken)
    {
        var results = new List<TResult>();
        foreach (var batch in keys.Distinct().Chunk(Size))
        {
            results.AddRange(await query(batch).ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        return results;
    }
}
