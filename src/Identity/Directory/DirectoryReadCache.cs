using Microsoft.Extensions.Caching.Memory;

namespace GatewayPortal.Identity.Directory;

/// <summary>
/// The last directory read of each person on this node, for the checks that re-read a person on every request of a
/// burst: an application sign-in (authorize, then the code's redemption seconds later) and refresh grants. A caller says
/// how old a read it accepts; anything older is read again. A password sign-in and the session revalidation (every
/// <see cref="SignIn.SignInOptions.SessionRevalidationInterval"/>) store what they read, so a person disabled or moved
/// between groups is seen by the next check that accepts no older read than that. A person the directory does not have
/// is remembered too (as absent), so a removed person costs no directory search per request either.
/// </summary>
public sealed class DirectoryReadCache(IDirectoryService directory, TimeProvider time) : IDisposable
{
    /// <summary>The oldest read any caller may accept; entries are dropped after it.</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(10);

    // One entry per person read on this node; 200,000 people is the upper bound of the organisations the portal serves.
    private readonly MemoryCache _reads = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    /// <summary>Stores a fresh read of <paramref name="person"/> (a password sign-in's, the revalidation's).</summary>
    public void Remember(DirectoryUser person)
    {
        ArgumentNullException.ThrowIfNull(person);
        Store(person.SubjectId, person);
    }

    /// <summary>Forgets what was read of <paramref name="subjectId"/>: the next check reads the directory.</summary>
    public void Forget(string subjectId) => _reads.Remove(subjectId);

    /// <summary>
    /// The person with <paramref name="subjectId"/>, from a read no older than <paramref name="maxAge"/> (zero: always
    /// read); null when the directory has no such person.
    /// </summary>
    /// <exception cref="DirectoryUnavailableException">The read was needed and no directory server answered.</exception>
    public async ValueTask<DirectoryUser?> FindBySubjectAsync(string subjectId, TimeSpan maxAge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        if (maxAge > TimeSpan.Zero && _reads.TryGetValue(subjectId, out Read? read) && read is not null
            && time.GetUtcNow() - read.At < maxAge)
        {
            return read.Person;
        }

        var person = await directory.FindUserBySubjectAsync(subjectId, cancellationToken).ConfigureAwait(false);
        Store(subjectId, person);
        return person;
    }

    /// <inheritdoc/>
    public void Dispose() => _reads.Dispose();

    private void Store(string subjectId, DirectoryUser? person)
    {
        if (subjectId.Length == 0)
        {
            return;
        }

        _reads.Set(subjectId, new Read(person, time.GetUtcNow()), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MaximumAge });
    }

    private sealed record Read(DirectoryUser? Person, DateTimeOffset At);
}
