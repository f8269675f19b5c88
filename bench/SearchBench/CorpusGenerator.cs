using System.Text;
using GatewayPortal.Search.Documents;

namespace GatewayPortal.Bench.SearchBench;

/// <summary>Deterministic Korean + English corpus: document i is the same on every run.</summary>
internal static class CorpusGenerator
{
    public const int GroupCount = 200;
    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Group(int index) => SearchPrincipals.Group($"g{index:000}");

    public static SearchDocument Generate(int i)
    {
        var rng = new Random(unchecked((i * 7919) + 17));
        var source = rng.NextDouble() switch
        {
            < 0.40 => SearchSources.Wiki,
            < 0.85 => SearchSources.Web,
            < 0.97 => SearchSources.Person,
            _ => SearchSources.Application,
        };
        var title = source == SearchSources.Person ? PersonName(rng) + " " + Words(rng, 1, 2, 0) : Words(rng, 2, 5, 0.15);
        return new SearchDocument
        {
            Id = $"d{i}",
            Source = source,
            Site = SiteOf(source, rng),
            Title = title,
            Headings = [.. Enumerable.Range(0, rng.Next(0, 4)).Select(_ => Words(rng, 2, 3, 0.1))],
            Body = Words(rng, 30, 90, 0.25, particles: true),
            Url = $"https://example.invalid/{source}/{i}",
            Date = Epoch.AddMinutes(-rng.Next(0, 5 * 365 * 24 * 60)),
            AllowedPrincipals = Principals(rng),
        };
    }

    private static string SiteOf(string source, Random rng) => source switch
    {
        SearchSources.Web => Vocabulary.Hosts[rng.Next(Vocabulary.Hosts.Length)],
        SearchSources.Wiki => "wiki.seoul.go.kr",
        SearchSources.Person => "people.seoul.go.kr",
        _ => "apps.seoul.go.kr",
    };

    private static string[] Principals(Random rng)
    {
        if (rng.NextDouble() < 0.10)
        {
            return [SearchPrincipals.Everyone];
        }

        return [.. Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Group(rng.Next(GroupCount))).Distinct(StringComparer.Ordinal)];
    }

    private static string PersonName(Random rng) =>
        Vocabulary.Surnames[rng.Next(Vocabulary.Surnames.Length)]
        + Vocabulary.GivenSyllables[rng.Next(Vocabulary.GivenSyllables.Length)]
        + Vocabulary.GivenSyllables[rng.Next(Vocabulary.GivenSyllables.Length)];

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
            // Half the Korean words are compounds (주차단속, 예산결산): a realistic spread of document frequencies.
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
