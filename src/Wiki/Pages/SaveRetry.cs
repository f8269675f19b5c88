using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Pages;

/// <summary>
/// Runs a transactional write again when a concurrent writer got there first (concurrency token or unique index),
/// so the second attempt sees the other edit and merges with it.
/// </summary>
internal static class SaveRetry
{
    private const int MaxAttempts = 3;

    public static async Task<T> RunAsync<T>(IWikiDbContext db, Func<Task<T>> attempt)
    {
        for (var i = 1; ; i++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (DbUpdateException) when (i < MaxAttempts)
            {
                // The transaction was rolled back by its disposal; start over from fresh reads.
            }
        }
    }
}
