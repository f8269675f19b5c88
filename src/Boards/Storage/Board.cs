namespace GatewayPortal.Boards.Storage;

/// <summary>A notice board.</summary>
public sealed class Board
{
    /// <summary>The board id.</summary>
    public long Id { get; set; }

    /// <summary>The URL key (<c>/notices/{Key}</c>): lowercase letters, digits and '-'.</summary>
    public required string Key { get; set; }

    /// <summary>The Korean name.</summary>
    public required string NameKo { get; set; }

    /// <summary>The English name.</summary>
    public required string NameEn { get; set; }

    /// <summary>Organisation, department or custom.</summary>
    public BoardKind Kind { get; set; }

    /// <summary>The department code of a department board.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>A short description shown above the list.</summary>
    public string? Description { get; set; }

    /// <summary>A department board whose department left the org chart: kept readable, no longer listed first.</summary>
    public bool IsArchived { get; set; }

    /// <summary>When the board was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the board was last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
