using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Pages;

/// <summary>
/// Runs a write again when a concurrent writer got there first: the page changed after the unlocked reads
/// (<see cref="StaleReadException"/>), or a concurrency token or unique index refused the write. The next attempt reads afresh and merges.
/// </summary>
internal static class SaveRetry
{
    /// <summary>Attempts before giving up; the last attempt's <paramref name="lastAttempt"/> flag lets the caller answer without retrying.</summary>
    public const int MaxAttempts = 5;

    public static async Task<T> RunAsync<T>(IWikiDbContext db, Func<bool, Task<T>> attempt)
    {
        for (var i = 1; ; i++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await attempt(i == MaxAttempts).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is DbUpdateException or StaleReadException && i < MaxAttempts)
            {
                // The transaction was rolled back by its disposal; start over from fresh reads.
            }
        }
    }
}
