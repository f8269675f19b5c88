using GatewayPortal.Boards.Access;
using GatewayPortal.Identity.Applications.Admin;
using GatewayPortal.Identity.Directory;

namespace GatewayPortal.Portal.Boards;

/// <summary>Answers the boards' group checks from the directory.</summary>
public sealed class DirectoryBoardGroups(IDirectoryGroupLookup lookup) : IBoardGroupDirectory
{
    /// <inheritdoc/>
    public async Task<bool> ExistsAsync(string group, CancellationToken cancellationToken = default)
    {
        try
        {
            return await lookup.ExistsAsync(group, cancellationToken);
        }
        catch (DirectoryUnavailableException exception)
        {
            throw new BoardDirectoryUnavailableException("The directory is unavailable.", exception);
        }
    }
}
