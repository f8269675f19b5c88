using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Audit;

/// <summary>Reads an audit table newest first in bounded chunks (keyset paging on the id), for exports of any length.</summary>
internal static class AuditStreaming
{
    /// <summary>Rows per database round trip.</summary>
    public const int ChunkSize = 500;

    /// <summary>
    /// Yields at most <paramref name="limit"/> rows: <paramref name="newestFirstBefore"/> gives the filtered rows, newest
    /// first, with an id below its argument when it has one; <paramref name="id"/> reads a row's id.
    /// </summary>
    public static async IAsyncEnumerable<T> NewestFirstAsync<T>(
        Func<long?, IQueryable<T>> newestFirstBefore, Func<T, long> id, int limit,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long? before = null;
        var sent = 0;
        while (sent < limit)
        {
            var chunk = await newestFirstBefore(before).Take(Math.Min(ChunkSize, limit - sent)).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in chunk)
            {
                yield return row;
            }

            sent += chunk.Count;
            if (chunk.Count < ChunkSize)
            {
                yield break;
            }

            before = id(chunk[^1]);
        }
    }
}
