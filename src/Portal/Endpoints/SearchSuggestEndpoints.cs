using GatewayPortal.Portal.Components.Pages.Search;
using GatewayPortal.Portal.Search;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Querying;
using GatewayPortal.Search.Suggestions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>
/// Suggestions as you type for the search box on every page: titles of pages, systems and colleagues the signed-in
/// person may open. Answers JSON for the box's script; without the script the box is a plain search form.
/// </summary>
public static class SearchSuggestEndpoints
{
    /// <summary>GET target; <c>q</c> is the text typed so far.</summary>
    public const string Path = "/search/suggest";

    /// <summary>Suggestions returned at most.</summary>
    public const int Limit = 8;

    /// <summary>Maps GET /search/suggest (signed-in people only).</summary>
    public static IEndpointRouteBuilder MapSearchSuggestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, Suggest).RequireAuthorization().WithName("SearchSuggest");
        return endpoints;
    }

    private static Results<Ok<SuggestResponse>, BadRequest<SuggestError>> Suggest(
        HttpContext context, string? q, ISearchService search, IStringLocalizer<SharedResource> localizer)
    {
        // Per person and short-lived: never kept by a shared cache.
        context.Response.Headers.CacheControl = "no-store";
        var prefix = (q ?? "").Trim();
        if (prefix.Length > SearchPage.MaxQueryLength)
        {
            return TypedResults.BadRequest(new SuggestError(localizer["SearchQueryTooLong", SearchPage.MaxQueryLength].Value));
        }

        if (prefix.Length == 0)
        {
            return TypedResults.Ok(new SuggestResponse(prefix, []));
        }

        var found = search.Suggest(new SuggestRequest(prefix, PortalSearchPrincipals.ForUser(context.User)) { Limit = Limit });
        var items = found
            .Select(s => new SuggestItem(s.Title, s.Source, SourceLabel(localizer, s.Source), s.Url))
            .ToList();
        return TypedResults.Ok(new SuggestResponse(prefix, items));
    }

    private static string SourceLabel(IStringLocalizer<SharedResource> localizer, string source) => source switch
    {
        SearchSources.Wiki => localizer["SearchSourceWiki"],
        SearchSources.Application => localizer["SearchSourceApplication"],
        SearchSources.Person => localizer["SearchSourcePerson"],
        SearchSources.Web => localizer["SearchSourceWeb"],
        _ => source,
    };

    /// <summary>The answer: what was asked and what matches.</summary>
    public sealed record SuggestResponse(string Query, IReadOnlyList<SuggestItem> Items);

    /// <summary>One suggestion: its title, source (and its label in the person's language) and where it leads.</summary>
    public sealed record SuggestItem(string Title, string Source, string SourceLabel, string Url);

    /// <summary>Why the request was refused, in the person's language.</summary>
    public sealed record SuggestError(string Error);
}
