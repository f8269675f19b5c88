using System.ComponentModel.DataAnnotations;

namespace GatewayPortal.Identity.Applications;

/// <summary>Seeding the application catalogue at startup.</summary>
public sealed class ApplicationSeedOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Applications:Seed";

    /// <summary>
    /// Whether missing applications are created at startup; unset means only in Development (the default file is the
    /// demo catalogue, whose confidential clients have secrets published in the repository).
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Outside Development the portal refuses to start while any application's client secret is one of the
    /// <see cref="DemoSecrets"/>; true allows them in an environment other than Production (the test suite's "Testing").
    /// Production always refuses.
    /// </summary>
    public bool AllowDemoSecrets { get; set; }

    /// <summary>
    /// Instead of refusing to start, give every application that has a demo secret a random one nobody knows (so the
    /// published secret stops working; an administrator then issues a new one). The way out for a database seeded with
    /// the demo catalogue before demo data was kept to Development, and what <c>deploy/two-nodes.sh</c> uses.
    /// </summary>
    public bool ReplaceDemoSecrets { get; set; }

    /// <summary>The catalogue file; a relative path is resolved against the host's content root.</summary>
    [Required(ErrorMessage = "Applications:Seed:File is required.")]
    public string File { get; set; } = "DemoData/applications.json";
}
