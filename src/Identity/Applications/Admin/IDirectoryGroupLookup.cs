namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>Looks up directory groups for the application administration pages (allowed groups).</summary>
public interface IDirectoryGroupLookup
{
    /// <summary>Up to <paramref name="max"/> group common names starting with <paramref name="prefix"/>, ordered by name.</summary>
    Task<IReadOnlyList<string>> SearchGroupsAsync(string prefix, int max, CancellationToken cancellationToken);

    /// <summary>True when a group with the common name <paramref name="cn"/> exists in the directory.</summary>
    Task<bool> ExistsAsync(string cn, CancellationToken cancellationToken);
}
