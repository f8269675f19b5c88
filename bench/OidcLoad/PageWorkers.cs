using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Bench.OidcLoad;

/// <summary>A worker with one signed-in person (password form, before the clock starts) and a cookie jar.</summary>
internal abstract class SignedInWorker(HttpClient http, Uri portal, IReadOnlyList<Person> people, int index) : IPreparedWorker
{
    private readonly List<Sample> _samples = new(capacity: 65_536);

    protected HttpClient Http => http;

    protected Uri Portal => portal;

    protected IReadOnlyList<Person> People => people;

    protected int Index => index;

    protected CookieJar Jar { get; } = new();

    public IReadOnlyList<Sample> Samples => _samples;

    /// <summary>Signs in once with the password form (not measured): the jar then holds gp_session.</summary>
    public virtual async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var loginUrl = new Uri(portal, "/account/login");
        var form = await LoginForm.FetchAsync(http, loginUrl, cancellationToken);
        using var post = form.CreatePost(loginUrl, people[index % people.Count]);
        using var response = await http.SendAsync(post, cancellationToken);
        var outcome = LoginForm.ClassifyPost(response);
        if (!ReferenceEquals(outcome, Sample.Ok))
        {
            throw new InvalidOperationException($"worker {index} could not sign in: {outcome}");
        }

        Jar.Absorb(response);
    }

    public async Task RunAsync(long stopTicks, CancellationToken cancellationToken)
    {
        var iteration = 0;
        while (Stopwatch.GetTimestamp() < stopTicks && !cancellationToken.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            (string Outcome, long Bytes) result;
            try
            {
                result = await OnceAsync(iteration++, cancellationToken);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                result = ("timeout", 0);
            }
            catch (HttpRequestException ex)
            {
                result = ("transport: " + ex.HttpRequestError, 0);
            }

            _samples.Add(new Sample(start, Stopwatch.GetTimestamp(), result.Outcome, result.Bytes));
        }
    }

    /// <summary>One measured attempt: <see cref="Sample.Ok"/> or a short reason, and the response bytes.</summary>
    protected abstract Task<(string Outcome, long Bytes)> OnceAsync(int iteration, CancellationToken cancellationToken);

    protected async Task<(HttpStatusCode Status, byte[] Body, Uri? Location)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Jar.AddTo(request);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Jar.Absorb(response);
        return (response.StatusCode, body, response.Headers.Location);
    }
}

/// <summary>
/// (d) GET /search?q=… with one signed-in person per worker: a person's full name, a department, a surname and title,
/// drawn from the same generated directory the portal indexes (people are most of what staff look for).
/// </summary>
internal sealed class SearchWorker(HttpClient http, Uri portal, IReadOnlyList<Person> people, int index, int stride)
    : SignedInWorker(http, portal, people, index)
{
    protected override async Task<(string Outcome, long Bytes)> OnceAsync(int iteration, CancellationToken cancellationToken)
    {
        var person = People[(Index + (iteration * stride)) % People.Count];
        var query = (iteration % 4) switch
        {
            0 or 1 => person.FullName,
            2 => person.Team.Department,
            _ => person.Surname + " " + person.Title,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Portal, "/search?q=" + Uri.EscapeDataString(query)));
        var (status, body, location) = await SendAsync(request, cancellationToken);
        return status == HttpStatusCode.OK ? (Sample.Ok, body.Length) : ($"{(int)status} {location?.AbsolutePath}", body.Length);
    }
}

/// <summary>
/// (e) A wiki edit as a browser makes it: GET the editor (antiforgery token, base revision), POST the form with new text
/// (save, 302 to the page). Each worker edits its own page (created by its first save), so saves do not conflict; the
/// text is about 5 KB, as in bench/WikiBench's save latency.
/// </summary>
internal sealed partial class WikiSaveWorker(HttpClient http, Uri portal, IReadOnlyList<Person> people, int index, string runTag)
    : SignedInWorker(http, portal, people, index)
{
    private static readonly string Filler = string.Concat(Enumerable.Repeat("시청 업무 안내 문서의 본문입니다. The sizing bench writes this paragraph. ", 70));

    private readonly string _editPath = $"/wiki/Sizing_bench_{runTag}_{index}/edit";

    protected override async Task<(string Outcome, long Bytes)> OnceAsync(int iteration, CancellationToken cancellationToken)
    {
        var editUrl = new Uri(Portal, _editPath);
        string token, baseRevision;
        using (var get = new HttpRequestMessage(HttpMethod.Get, editUrl))
        {
            var (status, body, _) = await SendAsync(get, cancellationToken);
            if (status != HttpStatusCode.OK)
            {
                return ($"editor {(int)status}", body.Length);
            }

            var html = System.Text.Encoding.UTF8.GetString(body);
            var tokenInput = TokenInput().Match(html);
            var tokenValue = tokenInput.Success ? ValueAttribute().Match(tokenInput.Value) : Match.Empty;
            if (!tokenValue.Success)
            {
                return ("editor without antiforgery token", body.Length);
            }

            token = WebUtility.HtmlDecode(tokenValue.Groups[1].Value);
            var revisionInput = BaseRevisionInput().Match(html);
            baseRevision = revisionInput.Success ? ValueAttribute().Match(revisionInput.Value).Groups[1].Value : "";
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, editUrl)
        {
            Content = new FormUrlEncodedContent(
            [
                new("_handler", "wiki-edit"),
                new("__RequestVerificationToken", token),
                new("Input.BaseRevisionId", baseRevision),
                new("Input.Text", $"= 규모 측정 {Index} =\n\n{iteration}번째 저장입니다.\n\n{Filler}"),
                new("Input.Summary", $"sizing bench save {iteration}"),
                new("Input.Action", "save"),
            ]),
        };
        var (postStatus, postBody, location) = await SendAsync(post, cancellationToken);
        return postStatus == HttpStatusCode.Found && location?.OriginalString.Contains("notice=saved", StringComparison.Ordinal) == true
            ? (Sample.Ok, postBody.Length)
            : ($"save {(int)postStatus} {location?.AbsolutePath}", postBody.Length);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TokenInput();

    [GeneratedRegex("<input[^>]*name=\"Input.BaseRevisionId\"[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex BaseRevisionInput();

    [GeneratedRegex("value=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ValueAttribute();
}
