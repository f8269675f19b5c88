using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Crawling;

internal static partial class CrawlLog
{
    [LoggerMessage(1, LogLevel.Information, "Crawl of {Site} started with {Queued} queued URLs (resumed: {Resumed})")]
    public static partial void Started(this ILogger logger, string site, int queued, bool resumed);

    [LoggerMessage(2, LogLevel.Information, "Crawl of {Site} finished: {Progress}")]
    public static partial void Finished(this ILogger logger, string site, CrawlProgress progress);

    [LoggerMessage(3, LogLevel.Information, "Crawl of {Site} cancelled; it resumes from its checkpoint: {Progress}")]
    public static partial void Cancelled(this ILogger logger, string site, CrawlProgress progress);

    [LoggerMessage(4, LogLevel.Debug, "Skipped {Url}: {Reason}")]
    public static partial void Skipped(this ILogger logger, Uri url, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Failed to crawl {Url}: {Reason}")]
    public static partial void Failed(this ILogger logger, Uri url, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Failed to crawl {Url}")]
    public static partial void Failed(this ILogger logger, Uri url, Exception exception);

    [LoggerMessage(7, LogLevel.Information, "Removed {Url}: it answers {Status}")]
    public static partial void Removed(this ILogger logger, Uri url, int status);

    [LoggerMessage(8, LogLevel.Information, "Cut {Url} at {Bytes} bytes")]
    public static partial void Truncated(this ILogger logger, Uri url, int bytes);

    [LoggerMessage(9, LogLevel.Warning, "robots.txt of {Host} answered {Status}; nothing on it is crawled")]
    public static partial void RobotsUnavailable(this ILogger logger, string host, string status);
}
