using BenchmarkDotNet.Attributes;
using GatewayPortal.Wiki.Diff;

namespace GatewayPortal.Bench.WikiBench;

/// <summary>Diffing two 5,000-line revisions with ~10% of lines touched, word level on.</summary>
[MemoryDiagnoser]
public class DiffBenchmarks
{
    private readonly DiffPlexWikiDiffService _service = new();
    private string _old = string.Empty;
    private string _new = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var lines = WikiCorpus.Lines(5_000);
        _old = string.Join('\n', lines);
        _new = string.Join('\n', WikiCorpus.Edit(lines, 10, 3));
    }

    [Benchmark]
    public int SideBySide5000Lines() => _service.Compare(_old, _new).Rows.Count;

    [Benchmark]
    public int Inline5000Lines() => _service.Compare(_old, _new).ToInline().Count();

    [Benchmark]
    public int FullSideBySide5000Lines() => _service.Compare(_old, _new, new WikiDiffOptions { ContextLines = null }).Rows.Count;
}
