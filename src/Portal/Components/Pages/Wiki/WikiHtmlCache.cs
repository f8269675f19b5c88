using GatewayPortal.Wiki.Rendering;
using Microsoft.Extensions.Caching.Memory;

namespace GatewayPortal.Portal.Components.Pages.Wiki;

/// <summary>
/// Rendered HTML per revision, so a page view does not render the Markdown again. Red links depend on which pages exist:
/// <see cref="PagesChanged"/> (called after a page is created, moved, deleted or restored here) starts a new generation, and
/// entries expire after a few minutes so changes made on other nodes show up too.
/// </summary>
public sealed class WikiHtmlCache(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private long _generation;

    /// <summary>The revision's rendered page, rendered on a miss.</summary>
    public async Task<RenderedPage> GetOrRenderAsync(long revisionId, string text, string space, IWikiRenderer renderer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var key = (nameof(WikiHtmlCache), revisionId, Interlocked.Read(ref _generation));
        if (cache.TryGetValue(key, out RenderedPage? cached) && cached is not null)
        {
            return cached;
        }

        // A text over the content limits (saved before they existed) comes back as escaped source, never an exception.
        var rendered = await renderer.RenderAsync(text, space, cancellationToken);
        cache.Set(key, rendered, Lifetime);
        return rendered;
    }

    /// <summary>Invalidates every cached page (their red and blue links may have changed).</summary>
    public void PagesChanged() => Interlocked.Increment(ref _generation);
}
