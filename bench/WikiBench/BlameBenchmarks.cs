using BenchmarkDotNet.Attributes;
using GatewayPortal.Wiki.Blame;
using GatewayPortal.Wiki.Text;

namespace GatewayPortal.Bench.WikiBench;

/// <summary>
/// Blame of the last revision of a 1,000-revision page (300 lines, four lines touched per edit): cold over the whole chain,
/// cached (decode the stored state and pair it with the lines), and one incremental step from the cached parent.
/// </summary>
[MemoryDiagnoser]
public class BlameBenchmarks
{
    private List<BlameRevision> _chain = [];
    private byte[] _cachedLast = [];
    private byte[] _cachedParent = [];

    [GlobalSetup]
    public void Setup()
    {
        var lines = WikiCorpus.Lines(300);
        for (var i = 1; i <= 1_000; i++)
        {
            lines = WikiCorpus.Step(lines, i);
            _chain.Add(new BlameRevision(i, string.Join('\n', lines)));
        }

        if (WikiText.SplitLines(_chain[^1].Text).Length != 300)
        {
            throw new InvalidOperationException("The blame corpus should keep 300 lines.");
        }

        var states = BlameEngine.ComputeChain(_chain);
        _cachedLast = states[^1].Serialize();
        _cachedParent = states[^2].Serialize();
    }

    [Benchmark]
    public int Cold1000Revisions() => BlameEngine.ComputeChain(_chain)[^1].Origins.Count;

    [Benchmark]
    public int Cached()
    {
        var state = BlameState.Deserialize(_cachedLast);
        var lines = WikiText.SplitLines(_chain[^1].Text);
        var count = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            count += state.Origins[i] > 0 ? 1 : 0;
        }

        return count;
    }

    [Benchmark]
    public int IncrementalFromCachedParent() =>
        BlameEngine.Advance(BlameState.Deserialize(_cachedParent), _chain[^2].Text, _chain[^1]).Origins.Count;
}
