using GatewayPortal.Boards.Posts;

namespace GatewayPortal.Boards.Departments;

/// <summary>Creates and changes boards: the organisation board, department boards from the org chart, and custom boards.</summary>
public interface IBoardAdmin
{
    /// <summary>Creates the organisation-wide board (key <see cref="BoardAdmin.OrganisationKey"/>) if missing.</summary>
    Task EnsureOrganisationBoardAsync(IReadOnlyList<string> posterGroups, CancellationToken cancellationToken = default);

    /// <summary>Creates and renames department boards to match <paramref name="departments"/>, archives those of departments gone.</summary>
    Task<DepartmentSyncResult> SyncDepartmentsAsync(IReadOnlyCollection<DepartmentEntry> departments, CancellationToken cancellationToken = default);

    /// <summary>Every board with its groups, for the admin page (viewer: an administrator).</summary>
    Task<IReadOnlyList<BoardView>> ListAllAsync(BoardViewer viewer, CancellationToken cancellationToken = default);

    /// <summary>Creates or updates a custom board; groups must exist in the directory.</summary>
    Task<BoardSaveResult> SaveCustomAsync(BoardDefinition definition, bool create, CancellationToken cancellationToken = default);
}
