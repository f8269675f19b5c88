namespace GatewayPortal.Boards.Departments;

/// <summary>A custom board as the admin form submits it.</summary>
/// <param name="Key">The URL key.</param>
/// <param name="NameKo">Korean name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Description">Description, or null.</param>
/// <param name="Readers">Reader groups (empty: everyone).</param>
/// <param name="Posters">Poster groups.</param>
/// <param name="Managers">Manager groups.</param>
public sealed record BoardDefinition(string Key, string NameKo, string NameEn, string? Description,
    IReadOnlyList<string> Readers, IReadOnlyList<string> Posters, IReadOnlyList<string> Managers);
