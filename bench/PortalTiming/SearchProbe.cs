using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;

namespace GatewayPortal.Bench.PortalTiming;

/// <summary>Times how long until a node's search page shows what a change should make it show.</summary>
internal static class SearchProbe
{
    // Fine enough that the poll adds little to the figure; a probe is one search page render.
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);

    /// <summary>A lower-case Latin word nothing else uses (the analyzers keep it whole).</summary>
    public static string UniqueWord() =>
        "bench" + new string([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);

    /// <summary>Searches <paramref name="query"/> until <paramref name="done"/> holds for the hits' links; the time from the call until then.</summary>
    public static async Task<TimeSpan> TimeUntilAsync(PortalClient client, string query, Func<List<string>, bool> done, string? source = null)
    {
        var path = "/search?q=" + Uri.EscapeDataString(query) + (source is null ? "" : "&source=" + source);
        var polled = await Eventually.TryUntilAsync(
            async () => (await client.GetDocumentAsync(path)).Document.QuerySelectorAll(".search-hit h2 a").Select(a => a.GetAttribute("href") ?? "").ToList(),
            done,
            GiveUp,
            Interval);
        return polled.Met ? polled.Waited : throw new TimeoutException($"search for {query} did not converge in {GiveUp.TotalSeconds:F0} s");
    }
}
