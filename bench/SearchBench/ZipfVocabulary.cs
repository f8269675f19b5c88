namespace GatewayPortal.Bench.SearchBench;

/// <summary>
/// A word list ranked by frequency with a Zipf sampler: rank r (1-based) is drawn with probability ∝ 1 / r^s.
/// Sampling is a binary search over the cumulative weights, so it is deterministic for a given <see cref="Random"/>.
/// </summary>
internal sealed class ZipfVocabulary
{
    private readonly double[] _cumulative;

    public ZipfVocabulary(IReadOnlyList<string> rankedWords, double exponent)
    {
        Words = rankedWords;
        _cumulative = new double[rankedWords.Count];
        var sum = 0.0;
        for (var r = 0; r < rankedWords.Count; r++)
        {
            sum += 1 / Math.Pow(r + 1, exponent);
            _cumulative[r] = sum;
        }
    }

    /// <summary>Words, most frequent first.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>A 0-based rank drawn from ranks <paramref name="from"/> and up.</summary>
    public int SampleRank(Random rng, int from = 0)
    {
        var low = from == 0 ? 0 : _cumulative[from - 1];
        var target = low + (rng.NextDouble() * (_cumulative[^1] - low));
        var index = Array.BinarySearch(_cumulative, target);
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }

    public string Sample(Random rng, int from = 0) => Words[SampleRank(rng, from)];
}
