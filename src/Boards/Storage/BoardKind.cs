namespace GatewayPortal.Boards.Storage;

/// <summary>Where a board comes from.</summary>
public enum BoardKind
{
    /// <summary>The one organisation-wide board (seeded).</summary>
    Organisation = 0,

    /// <summary>A department's board, kept in step with the org chart.</summary>
    Department = 1,

    /// <summary>A board an administrator created (보안, 인사발령, 행사).</summary>
    Custom = 2,
}
