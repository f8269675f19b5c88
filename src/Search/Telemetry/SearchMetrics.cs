using System.Diagnostics.Metrics;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Crawling;
using GatewayPortal.Search.Crawling.Scheduling;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;

namespace GatewayPortal.Search.Telemetry;

/// <summary>
/// Search metrics (meter <see cref="MeterName"/>): query latency by operation and source filter, how long other nodes'
/// changes took to reach this index, the index's lag behind the change feed and its documents per source, and the
/// crawler's progress per site (<see cref="CrawlMetricsSampler"/>).
/// </summary>
public sealed class SearchMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "GatewayPortal.Search";

    private static readonly double[] LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
    private static readonly double[] DelayBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300];

    private readonly Histogram<double> _queryDuration;
    private readonly Histogram<double> _changeDelay;
    private readonly KeyValuePair<string, object?> _node;
    private volatile IReadOnlyList<CrawlSiteProgress> _crawl = [];

    /// <summary>
    /// Creates the instruments; the gauges read <paramref name="index"/> and <paramref name="follower"/> when scraped.
    /// The index and feed figures carry the node's name (label <c>node</c>): they describe this node's own index.
    /// </summary>
    public SearchMetrics(IMeterFactory meterFactory, ISearchIndex index, SearchChangeFollowerState follower, ISearchNode node)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(follower);
        ArgumentNullException.ThrowIfNull(node);
        _node = new KeyValuePair<string, object?>("node", node.Name);
        var meter = meterFactory.Create(MeterName);
        _queryDuration = meter.CreateHistogram<double>("gatewayportal.search.query.duration", "s",
            "Time to answer one search or suggestion on this node's index, by operation and source filter.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _changeDelay = meter.CreateHistogram<double>("gatewayportal.search.feed.delay", "s",
            "Time from another node publishing a change to this node applying it to its index, by source.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DelayBuckets });
        meter.CreateObservableGauge("gatewayportal.search.index.lag", () => new Measurement<double>(follower.Lag.TotalSeconds, _node), "s",
            "How far this node's index may be behind changes made on other nodes (about the poll interval when current).");
        meter.CreateObservableGauge("gatewayportal.search.feed.position", () => new Measurement<long>(follower.Position, _node), "{change}",
            "Sequence number up to which this node has applied the search change feed.");
        meter.CreateObservableGauge("gatewayportal.search.index.documents", () => DocumentsBySource(index, _node), "{document}",
            "Searchable documents in this node's index, by source.");
        meter.CreateObservableGauge("gatewayportal.crawl.pages", CrawlPages, "{page}",
            "Pages of a site's current or last crawl, by site and outcome (fetched, indexed, unchanged, removed, skipped, failed, queued).");
        meter.CreateObservableGauge("gatewayportal.crawl.running", () => _crawl.Select(s => new Measurement<int>(
            s.Running ? 1 : 0, new KeyValuePair<string, object?>("site", s.Site))), "{crawl}", "1 while a site is being crawled.");
    }

    /// <summary>Records one query's duration; <paramref name="source"/> is the source filter (null: all sources).</summary>
    public void Query(string operation, string? source, TimeSpan duration) =>
        _queryDuration.Record(duration.TotalSeconds,
            new KeyValuePair<string, object?>("operation", operation),
            new KeyValuePair<string, object?>("source", SourceTag(source)));

    /// <summary>Records how long another node's change took to be applied here.</summary>
    public void ChangeApplied(string source, TimeSpan delay) =>
        _changeDelay.Record(Math.Max(0, delay.TotalSeconds), new KeyValuePair<string, object?>("source", SourceTag(source)), _node);

    /// <summary>Replaces the crawl progress reported by the crawl gauges.</summary>
    public void CrawlProgress(IReadOnlyList<CrawlSiteProgress> sites) => _crawl = sites;

    // Sources come from users (source: filters): labels must stay few.
    private static string SourceTag(string? source)
    {
        if (source is null)
        {
            return "all";
        }

        var name = SearchSources.Normalize(source);
        return name is SearchSources.Wiki or SearchSources.Application or SearchSources.Person or SearchSources.Web ? name : "other";
    }

    private static IEnumerable<Measurement<int>> DocumentsBySource(ISearchIndex index, KeyValuePair<string, object?> node) =>
        index.GetStatus().DocumentsBySource.Select(s => new Measurement<int>(s.Value, new KeyValuePair<string, object?>("source", s.Key), node));

    private IEnumerable<Measurement<int>> CrawlPages() => _crawl.SelectMany(s => new[]
    {
        Page(s.Site, "fetched", s.Fetched), Page(s.Site, "indexed", s.Indexed), Page(s.Site, "unchanged", s.Unchanged),
        Page(s.Site, "removed", s.Removed), Page(s.Site, "skipped", s.Skipped), Page(s.Site, "failed", s.Failed),
        Page(s.Site, "queued", s.Queued),
    });

    private static Measurement<int> Page(string site, string outcome, int value) =>
        new(value, new KeyValuePair<string, object?>("site", site), new KeyValuePair<string, object?>("outcome", outcome));
}
