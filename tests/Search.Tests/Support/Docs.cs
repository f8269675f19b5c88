using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Tests.Support;

/// <summary>Builds test documents visible to everyone unless told otherwise.</summary>
internal static class Docs
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(9));

    public static SearchDocument Make(
        string id,
        string title,
        string body = "",
        string source = SearchSources.Wiki,
        string? site = null,
        DateTimeOffset? date = null,
        IReadOnlyCollection<string>? principals = null,
        IReadOnlyList<string>? headings = null) => new()
        {
            Id = id,
            Source = source,
            Site = site,
            Title = title,
            Body = body,
            Headings = headings ?? [],
            Url = "/" + source + "/" + id,
            Date = date ?? Now.AddDays(-30),
            AllowedPrincipals = principals ?? [SearchPrincipals.Everyone],
        };
}
