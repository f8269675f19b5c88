using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GatewayPortal.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Infrastructure;

/// <summary>An HTTP client that behaves like a browser's form posts: reads antiforgery tokens, keeps cookies.</summary>
public sealed class PortalClient(HttpClient http, string clientAddress) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The underlying client.</summary>
    public HttpClient Http => http;

    /// <summary>GETs a page, following no redirects.</summary>
    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The text of each table row on <paramref name="path"/>, read again until there are <paramref name="atLeast"/> (rows written in batches) or 10 s passed.</summary>
    public async Task<List<string>> WaitForTableRowsAsync(string path, int atLeast) =>
        (await Eventually.TryUntilAsync(
            async () =>
            {
                var (response, page) = await GetDocumentAsync(path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
            },
            rows => rows.Count >= atLeast,
            TimeSpan.FromSeconds(10),
            TimeSpan.FromMilliseconds(100))).Last;

    /// <summary>GETs a page and parses it.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetDocumentAsync(string path)
    {
        var response = await GetAsync(path);
        return (response, await ParseAsync(response));
    }

    /// <summary>Reads the antiforgery token from a page's form.</summary>
    public async Task<string> GetAntiforgeryTokenAsync(string path)
    {
        var (_, document) = await GetDocumentAsync(path);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{path} has no antiforgery token.");
    }

    /// <summary>POSTs form fields (with a fresh antiforgery token read from <paramref name="formPage"/> unless one is given).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields, string? formPage = null, bool withToken = true)
    {
        var values = new Dictionary<string, string>(fields);
        if (withToken && !values.ContainsKey("__RequestVerificationToken"))
        {
            values["__RequestVerificationToken"] = await GetAntiforgeryTokenAsync(formPage ?? path);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(values) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Submits the login form.</summary>
    public Task<HttpResponseMessage> SignInAsync(string login, string password, string? returnUrl = null)
    {
        var path = "/account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        return PostFormAsync(path, new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        });
    }

    /// <summary>
    /// GETs a page again and again (<see cref="Eventually"/>, every 100 ms, for at most <paramref name="patience"/>, 5 s by default) until
    /// <paramref name="done"/> holds; returns the last page either way, so the caller's assertions say what was missing.
    /// For what the portal does in the background: batched audit and session rows, index refreshes, crawls.
    /// </summary>
    public async Task<IHtmlDocument> GetDocumentUntilAsync(string path, Func<IHtmlDocument, bool> done, TimeSpan? patience = null) =>
        (await Eventually.TryUntilAsync(async () => (await GetDocumentAsync(path)).Document, done, patience ?? TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100))).Last;

    /// <summary>Like <see cref="GetDocumentUntilAsync"/> for a JSON answer (which must be a success).</summary>
    public async Task<T> GetJsonUntilAsync<T>(string path, Func<T, bool> done, TimeSpan? patience = null) =>
        (await Eventually.TryUntilAsync(
            async () =>
            {
                var response = await GetAsync(path);
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<T>(TestContext.Current.CancellationToken))!;
            },
            done,
            patience ?? TimeSpan.FromSeconds(5),
            TimeSpan.FromMilliseconds(100))).Last;

    /// <summary>
    /// The fields of the form on <paramref name="path"/> whose hidden <c>_handler</c> is <paramref name="handler"/>, as a
    /// browser would post them (checked boxes and radios only); the page must answer 200.
    /// </summary>
    public async Task<Dictionary<string, string>> GetFormFieldsAsync(string path, string handler)
    {
        var (response, document) = await GetDocumentAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == handler);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is not ("checkbox" or "radio") || input.IsChecked:
                    fields[name] = input.Value;
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } area:
                    fields[name] = area.Value;
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                    fields[name] = select.Value ?? "";
                    break;
            }
        }

        return fields;
    }

    /// <summary>The session cookie (all its chunks) a sign-in response set, as a Cookie header value.</summary>
    public static string SessionCookie(HttpResponseMessage signIn) => string.Join("; ", signIn.Headers.GetValues("Set-Cookie")
        .Where(c => c.StartsWith("gp_session", StringComparison.Ordinal))
        .Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)]));

    /// <summary>Parses a response body as HTML.</summary>
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>True when the response redirects to a path starting with <paramref name="prefix"/>.</summary>
    public static bool RedirectsTo(HttpResponseMessage response, string prefix) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        && LocationPath(response) is { } path
        && path.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>The redirect target as a site-relative path and query (null when the target is another site).</summary>
    public static string? LocationPath(HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: false } relative => relative.OriginalString,
        { Host: "localhost" } local => local.PathAndQuery,
        _ => null,
    };

    public void Dispose() => http.Dispose();
}
