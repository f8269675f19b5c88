using System.Diagnostics;
using System.Net;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Bench.SignInLoad;

/// <summary>
/// One closed-loop visitor: fetches an antiforgery pair once, then posts the login form back to back,
/// sending only the antiforgery cookie (never gp_session, which would change the token's user).
/// </summary>
internal sealed class SignInWorker(HttpClient http, Uri loginUrl, IReadOnlyList<Person> people, int index, int stride)
{
    private readonly List<Sample> _samples = new(capacity: 65_536);

    public IReadOnlyList<Sample> Samples => _samples;

    public async Task RunAsync(long stopTicks, CancellationToken cancellationToken)
    {
        var form = await LoginForm.FetchAsync(http, loginUrl, cancellationToken);
        var next = index;
        while (Stopwatch.GetTimestamp() < stopTicks && !cancellationToken.IsCancellationRequested)
        {
            var person = people[next % people.Count];
            next += stride;
            var start = Stopwatch.GetTimestamp();
            var outcome = await PostAsync(form, person, cancellationToken);
            _samples.Add(new Sample(start, Stopwatch.GetTimestamp(), outcome));
        }
    }

    private async Task<string> PostAsync(LoginForm form, Person person, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, loginUrl)
        {
            Content = new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", form.Token),
                new("_handler", "login"),
                new("Input.Login", person.Uid),
                new("Input.Password", person.Password),
            ]),
        };
        request.Headers.TryAddWithoutValidation("Cookie", form.CookieHeader);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return Classify(response);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timeout";
        }
        catch (HttpRequestException ex)
        {
            return "transport: " + (ex.HttpRequestError.ToString());
        }
    }

    private static string Classify(HttpResponseMessage response)
    {
        var status = response.StatusCode;
        if (status == HttpStatusCode.Found)
        {
            var session = response.Headers.TryGetValues("Set-Cookie", out var cookies)
                && cookies.Any(c => c.StartsWith("gp_session=", StringComparison.Ordinal));
            var target = response.Headers.Location?.OriginalString ?? "";
            return session ? Sample.SignedIn : $"302 without gp_session (to {target.Split('?')[0]})";
        }

        return status switch
        {
            HttpStatusCode.OK => "200 (form error: wrong password, validation or antiforgery)",
            HttpStatusCode.BadRequest => "400 (antiforgery or bad form)",
            HttpStatusCode.TooManyRequests => "429 (throttled)",
            HttpStatusCode.ServiceUnavailable => "503 (directory unavailable)",
            _ => $"{(int)status}",
        };
    }
}
