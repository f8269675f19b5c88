using GatewayPortal.Identity.Applications.Admin;

namespace GatewayPortal.Identity.Tests.Applications.Admin;

/// <summary>The demo organisation's groups, without a directory server.</summary>
internal sealed class FakeDirectoryGroupLookup : IDirectoryGroupLookup
{
    private static readonly Lazy<HashSet<string>> Names = new(() => DemoDirectoryGroups.All.Select(g => g.Name).ToHashSet(StringComparer.OrdinalIgnoreCase));

    public int Lookups { get; private set; }

    public Task<IReadOnlyList<string>> SearchGroupsAsync(string prefix, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. Names.Value.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).Take(max)]);

    public Task<bool> ExistsAsync(string cn, CancellationToken cancellationToken)
    {
        Lookups++;
        return Task.FromResult(Names.Value.Contains(cn));
    }
}
