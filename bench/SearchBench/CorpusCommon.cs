using GatewayPortal.Search.Documents;

namespace GatewayPortal.Bench.SearchBench;

/// <summary>What both corpora share: sources, sites, dates and the principals each document allows.</summary>
internal static class CorpusCommon
{
    public const int GroupCount = 200;
    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Group(int index) => SearchPrincipals.Group($"g{index:000}");

    public static Random Random(int i) => new(unchecked((i * 7919) + 17));

    public static string PickSource(Random rng) => rng.NextDouble() switch
    {
        < 0.40 => SearchSources.Wiki,
        < 0.85 => SearchSources.Web,
        < 0.97 => SearchSources.Person,
        _ => SearchSources.Application,
    };

    public static string SiteOf(string source, Random rng) => source switch
    {
        SearchSources.Web => Vocabulary.Hosts[rng.Next(Vocabulary.Hosts.Length)],
        SearchSources.Wiki => "wiki.seoul.go.kr",
        SearchSources.Person => "people.seoul.go.kr",
        _ => "apps.seoul.go.kr",
    };

    public static DateTimeOffset Date(Random rng) => Epoch.AddMinutes(-rng.Next(0, 5 * 365 * 24 * 60));

    /// <summary>10% of documents are public; the rest allow 1–3 of the groups.</summary>
    public static string[] Principals(Random rng)
    {
        if (rng.NextDouble() < 0.10)
        {
            return [SearchPrincipals.Everyone];
        }

        return [.. Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Group(rng.Next(GroupCount))).Distinct(StringComparer.Ordinal)];
    }

    public static string PersonName(Random rng) =>
        Vocabulary.Surnames[rng.Next(Vocabulary.Surnames.Length)]
        + Vocabulary.GivenSyllables[rng.Next(Vocabulary.GivenSyllables.Length)]
        + Vocabulary.GivenSyllables[rng.Next(Vocabulary.GivenSyllables.Length)];
}
