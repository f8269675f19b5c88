using System.ComponentModel.DataAnnotations;

namespace GatewayPortal.Identity.Applications;

/// <summary>Seeding the application catalogue at startup.</summary>
public sealed class ApplicationSeedOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Applications:Seed";

    /// <summary>Whether missing applications are created at startup.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The catalogue file; a relative path is resolved against the host's content root.</summary>
    [Required(ErrorMessage = "Applications:Seed:File is required.")]
    public string File { get; set; } = "DemoData/applications.json";
}
