using System.Text;
using GatewayPortal.Search.Documents;

namespace GatewayPortal.Bench.SearchBench;

/// <summary>
/// The narrow corpus (<c>--corpus narrow</c>): every word from ~370 words with a mild skew, so a typical word is in a
/// large share of all documents (about 20% match each query). Kept to compare with earlier runs.
/// </summary>
internal sealed class CorpusGenerator : ICorpus
{
    public string Name => "narrow";

    public string Description => "every word from ~270 Korean and ~100 English words (u^1.5 skew), half the Korean words paired into compounds";

    public IReadOnlyList<string> Queries => QueryMix.Narrow;

    public SearchDocument Generate(int i)
    {
        var rng = CorpusCommon.Random(i);
        var source = CorpusCommon.PickSource(rng);
        var title = source == SearchSources.Person ? CorpusCommon.PersonName(rng) + " " + Words(rng, 1, 2, 0) : Words(rng, 2, 5, 0.15);
        return new SearchDocument
        {
            Id = $"d{i}",
            Source = source,
            Site = CorpusCommon.SiteOf(source, rng),
            Title = title,
            Headings = [.. Enumerable.Range(0, rng.Next(0, 4)).Select(_ => Words(rng, 2, 3, 0.1))],
            Body = Words(rng, 30, 90, 0.25, particles: true),
            Url = $"https://example.invalid/{source}/{i}",
            Date = CorpusCommon.Date(rng),
            AllowedPrincipals = CorpusCommon.Principals(rng),
        };
    }

    /// <summary>A mild skew towards the front of the list (u^1.5), so common words are commoner.</summary>
    private static string Pick(string[] list, Random rng) => list[(int)(list.Length * Math.Pow(rng.NextDouble(), 1.5))];

    private static string Words(Random rng, int min, int max, double englishShare, bool particles = false)
    {
        var builder = new StringBuilder();
        var count = rng.Next(min, max + 1);
        for (var w = 0; w < count; w++)
        {
            if (w > 0)
            {
                builder.Append(' ');
            }

            var english = rng.NextDouble() < englishShare;
            var list = english ? Vocabulary.English : Vocabulary.Korean;
            builder.Append(Pick(list, rng));
            // Half the Korean words are compounds (주차단속, 예산결산).
            if (!english && rng.NextDouble() < 0.5)
            {
                builder.Append(Pick(list, rng));
            }

            if (!english && particles && rng.NextDouble() < 0.4)
            {
                builder.Append(Vocabulary.Particles[rng.Next(Vocabulary.Particles.Length)]);
            }
        }

        return builder.ToString();
    }
}
