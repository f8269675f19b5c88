using GatewayPortal.Boards.Access;
using GatewayPortal.Boards.Storage;

namespace GatewayPortal.Boards.Posts;

/// <summary>A board as a page shows it, with what the viewer may do.</summary>
/// <param name="Id">The board id.</param>
/// <param name="Key">The URL key.</param>
/// <param name="NameKo">Korean name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Kind">Organisation, department or custom.</param>
/// <param name="DepartmentCode">A department board's department.</param>
/// <param name="Description">Description, or null.</param>
/// <param name="Rules">Reader, poster and manager groups.</param>
/// <param name="CanPost">Whether the viewer may post.</param>
/// <param name="CanManage">Whether the viewer manages the board.</param>
public sealed record BoardView(long Id, string Key, string NameKo, string NameEn, BoardKind Kind, string? DepartmentCode, string? Description,
    BoardRules Rules, bool CanPost, bool CanManage)
{
    /// <summary>The name in the current UI language.</summary>
    public string Name => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : NameKo;
}
