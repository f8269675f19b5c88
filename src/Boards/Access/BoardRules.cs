namespace GatewayPortal.Boards.Access;

/// <summary>The groups of one board, lower-cased: who reads (empty: everyone), who posts, who manages.</summary>
/// <param name="Readers">Reader groups; empty means everyone may read.</param>
/// <param name="Posters">Groups that may post.</param>
/// <param name="Managers">Groups that may post and edit or delete any post.</param>
public sealed record BoardRules(IReadOnlyList<string> Readers, IReadOnlyList<string> Posters, IReadOnlyList<string> Managers)
{
    /// <summary>No groups: everyone reads, only administrators post.</summary>
    public static BoardRules Open { get; } = new([], [], []);
}
