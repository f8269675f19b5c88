using System.Text;
using GatewayPortal.Search.Documents;

namespace GatewayPortal.Bench.SearchBench;

/// <summary>
/// The realistic corpus (default): words drawn from a Zipf distribution (s = 1) over ~40,000 ranked words (see
/// <see cref="RealisticVocabulary"/>), and each document has three topic words it repeats, as real pages do.
/// </summary>
internal sealed class RealisticCorpus : ICorpus
{
    private const double Exponent = 1.0;
    private const int TopicWords = 3;
    private const double TopicShare = 0.15;
    private const double ParticleShare = 0.4;
    private static readonly ZipfVocabulary Zipf = new(RealisticVocabulary.Ranked, Exponent);

    public string Name => "realistic";

    public string Description => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"Zipf (s = {Exponent}) over {Zipf.Words.Count:N0} ranked words (30 function words, the ~370 real head words, a generated tail of names, compounds and English terms); 3 topic words per document");

    public IReadOnlyList<string> Queries => QueryMix.Realistic;

    public SearchDocument Generate(int i)
    {
        var rng = CorpusCommon.Random(i);
        var source = CorpusCommon.PickSource(rng);
        var topics = Enumerable.Range(0, TopicWords).Select(_ => Zipf.Sample(rng, RealisticVocabulary.ContentFrom)).ToArray();
        var title = source == SearchSources.Person
            ? CorpusCommon.PersonName(rng) + " " + Words(rng, topics, 1, 2, particles: false, content: true)
            : Words(rng, topics, 2, 5, particles: false, content: true, topicShare: 0.5);
        return new SearchDocument
        {
            Id = $"d{i}",
            Source = source,
            Site = CorpusCommon.SiteOf(source, rng),
            Title = title,
            Headings = [.. Enumerable.Range(0, rng.Next(0, 4)).Select(_ => Words(rng, topics, 2, 3, particles: false, content: true))],
            Body = Words(rng, topics, 30, 90, particles: true, content: false),
            Url = $"https://example.invalid/{source}/{i}",
            Date = CorpusCommon.Date(rng),
            AllowedPrincipals = CorpusCommon.Principals(rng),
        };
    }

    private static string Words(Random rng, string[] topics, int min, int max, bool particles, bool content, double topicShare = TopicShare)
    {
        var builder = new StringBuilder();
        var count = rng.Next(min, max + 1);
        for (var w = 0; w < count; w++)
        {
            if (w > 0)
            {
                builder.Append(' ');
            }

            var word = rng.NextDouble() < topicShare
                ? topics[rng.Next(topics.Length)]
                : Zipf.Sample(rng, content ? RealisticVocabulary.ContentFrom : 0);
            builder.Append(word);
            if (particles && IsHangul(word[^1]) && rng.NextDouble() < ParticleShare)
            {
                builder.Append(Vocabulary.Particles[rng.Next(Vocabulary.Particles.Length)]);
            }
        }

        return builder.ToString();
    }

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3';
}
