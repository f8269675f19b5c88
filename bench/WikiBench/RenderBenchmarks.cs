using BenchmarkDotNet.Attributes;
using GatewayPortal.Wiki;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Bench.WikiBench;

/// <summary>
/// Rendering a 100 KB page: parse, one link-resolution batch, HTML. The realistic page has no raw HTML and skips the sanitiser;
/// the one with raw HTML (inline tags and a details block per section) goes through HtmlSanitizer whole.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly MarkdigWikiRenderer _renderer = new(new HalfExistingResolver(), Options.Create(new WikiOptions()));
    private string _markdown = string.Empty;
    private string _markdownWithHtml = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _markdown = WikiCorpus.Markdown(100 * 1024);
        _markdownWithHtml = WikiCorpus.Markdown(100 * 1024, rawHtml: true);
    }

    [Benchmark]
    public Task<RenderedPage> Render100KB() => _renderer.RenderAsync(_markdown, WikiTitle.MainSpace);

    [Benchmark]
    public Task<RenderedPage> Render100KBWithRawHtml() => _renderer.RenderAsync(_markdownWithHtml, WikiTitle.MainSpace);

    [Benchmark]
    public int ExtractLinks100KB() => _renderer.ExtractLinks(_markdown, WikiTitle.MainSpace).Count;

    private sealed class HalfExistingResolver : IWikiLinkResolver
    {
        public Task<IReadOnlySet<WikiTitle>> FindExistingAsync(IReadOnlyCollection<WikiTitle> titles, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlySet<WikiTitle>>(titles.Where(t => t.Name.Length % 2 == 0).ToHashSet());
    }
}
