using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Directory;

/// <summary>
/// Keeps the directory's membership (<see cref="DirectoryMembership"/>) for <see cref="LdapOptions.GroupCacheDuration"/>,
/// re-read by one caller at a time; while the directory is unavailable a copy up to <see cref="MaxStaleness"/> old is used.
/// </summary>
public sealed class DirectoryMembershipCache(IDirectoryMembershipSource source, IOptions<LdapOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>How old a copy may be when the directory cannot be read.</summary>
    public static readonly TimeSpan MaxStaleness = TimeSpan.FromMinutes(15);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (DirectoryMembership Membership, DateTimeOffset ReadAt)? _current;

    /// <summary>The membership, read from the directory when the cached copy is older than the group cache duration.</summary>
    public async Task<DirectoryMembership> GetAsync(CancellationToken cancellationToken)
    {
        var duration = options.Value.GroupCacheDuration;
        if (_current is { } fresh && time.GetUtcNow() - fresh.ReadAt < duration)
        {
            return fresh.Membership;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } again && time.GetUtcNow() - again.ReadAt < duration)
            {
                return again.Membership;
            }

            try
            {
                var membership = await source.ReadMembershipAsync(cancellationToken).ConfigureAwait(false);
                _current = (membership, time.GetUtcNow());
                return membership;
            }
            catch (DirectoryUnavailableException) when (_current is { } stale && time.GetUtcNow() - stale.ReadAt < MaxStaleness)
            {
                return stale.Membership;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _refresh.Dispose();
}
