using GatewayPortal.Wiki.Access;

namespace GatewayPortal.Wiki.Pages;

/// <summary>Line attribution ("who wrote this line") backed by the blame cache.</summary>
public interface IWikiBlameService
{
    /// <summary>The blame of <paramref name="revisionId"/>; null when missing or not readable.</summary>
    Task<WikiBlame?> GetBlameAsync(long revisionId, WikiActor actor, CancellationToken cancellationToken = default);
}
