namespace GatewayPortal.Portal.Data;

/// <summary>Demo wiki pages written on first start (<c>Wiki:Seed</c>).</summary>
public sealed class WikiSeedOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Wiki:Seed";

    /// <summary>Seed the demo pages; unset means only in Development.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The seed file, relative to the content root.</summary>
    public string File { get; set; } = "DemoData/wiki.json";
}
