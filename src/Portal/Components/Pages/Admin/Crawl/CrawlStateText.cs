using GatewayPortal.Search.Crawling.Scheduling;

namespace GatewayPortal.Portal.Components.Pages.Admin.Crawl;

/// <summary>The one place that names each <see cref="CrawlState"/> for the admin pages (keys of <c>SharedResource</c>).</summary>
public static class CrawlStateText
{
    /// <summary>The resource key of the state's label.</summary>
    public static string ResourceKey(CrawlState state) => state switch
    {
        CrawlState.Running => "CrawlState_Running",
        CrawlState.Finished => "CrawlState_Finished",
        CrawlState.Failed => "CrawlState_Failed",
        CrawlState.Cancelled => "CrawlState_Cancelled",
        CrawlState.Requested => "CrawlState_Requested",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown crawl state."),
    };
}
