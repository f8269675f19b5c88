namespace GatewayPortal.Portal.Data;

/// <summary>The organisation board and the demo boards and notices written on start (<c>Boards:Seed</c>).</summary>
public sealed class BoardSeedOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Boards:Seed";

    /// <summary>Seed the demo boards and notices; unset means only in Development. The organisation board is always created.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Groups that may post on the organisation-wide board when it is first created.</summary>
    public List<string> OrganisationPosters { get; set; } = ["portal-admins"];
}
