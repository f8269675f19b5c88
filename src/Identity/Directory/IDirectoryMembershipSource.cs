namespace GatewayPortal.Identity.Directory;

/// <summary>Reads the whole directory's membership (<see cref="DirectoryMembership"/>) with paged searches.</summary>
public interface IDirectoryMembershipSource
{
    /// <summary>
    /// Every enabled person's subject id and direct groups, and every group's nesting. A batch operation (seconds on a
    /// large directory); callers cache it (<see cref="DirectoryMembershipCache"/>). Throws
    /// <see cref="DirectoryUnavailableException"/> when no server answers.
    /// </summary>
    Task<DirectoryMembership> ReadMembershipAsync(CancellationToken cancellationToken = default);
}
