namespace GatewayPortal.Identity.Applications;

/// <summary>
/// Client secrets published in this repository (the demo catalogue, the sample application, the benchmarks): anyone
/// can read them, so no application may use one outside Development (<see cref="DemoSecretGuard"/>).
/// </summary>
public static class DemoSecrets
{
    /// <summary>The demo catalogue's default path under the content root.</summary>
    public const string DemoCatalogue = "DemoData/applications.json";

    /// <summary>The secrets written in the repository: src/Portal/DemoData/applications.json, samples/, bench/.</summary>
    public static IReadOnlyList<string> Published { get; } = ["SampleLob!2026", "BatchReporting!2026"];

    /// <summary>
    /// <see cref="Published"/> plus every client secret in the demo catalogue under <paramref name="contentRoot"/>,
    /// so a secret added to the file later is known without editing this list.
    /// </summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(string contentRoot, CancellationToken cancellationToken = default)
    {
        var known = new HashSet<string>(Published, StringComparer.Ordinal);
        var path = Path.GetFullPath(DemoCatalogue, contentRoot);
        if (File.Exists(path))
        {
            var entries = await ApplicationCatalogFile.LoadAsync(path, cancellationToken).ConfigureAwait(false);
            known.UnionWith(entries.Select(e => e.ClientSecret).OfType<string>().Where(s => s.Length > 0));
        }

        return [.. known];
    }
}
