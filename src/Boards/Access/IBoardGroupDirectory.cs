namespace GatewayPortal.Boards.Access;

/// <summary>Asks the directory whether a group exists (the host adapts its LDAP group lookup).</summary>
public interface IBoardGroupDirectory
{
    /// <summary>True when <paramref name="group"/> exists.</summary>
    /// <exception cref="BoardDirectoryUnavailableException">The directory could not be asked.</exception>
    Task<bool> ExistsAsync(string group, CancellationToken cancellationToken = default);
}
