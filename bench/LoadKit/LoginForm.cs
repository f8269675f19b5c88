using System.Net;
using System.Text.RegularExpressions;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Bench.LoadKit;

/// <summary>One anonymous visitor's antiforgery pair: the hidden form token and the cookie it is bound to.</summary>
public sealed partial record LoginForm(string Token, string CookieHeader)
{
    private const string CookiePrefix = ".AspNetCore.Antiforgery.";

    /// <summary>GETs the login page (with or without a returnUrl) and reads the token and the antiforgery cookie.</summary>
    public static async Task<LoginForm> FetchAsync(HttpClient http, Uri loginUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(loginUrl, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {loginUrl} answered {(int)response.StatusCode}.");
        }

        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var input = TokenInput().Match(html);
        var value = input.Success ? ValueAttribute().Match(input.Value) : Match.Empty;
        if (!value.Success)
        {
            throw new InvalidOperationException("The login page has no __RequestVerificationToken.");
        }

        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';', 2)[0]).FirstOrDefault(c => c.StartsWith(CookiePrefix, StringComparison.Ordinal))
            : null;
        return new LoginForm(
            WebUtility.HtmlDecode(value.Groups[1].Value),
            cookie ?? throw new InvalidOperationException("The login page set no antiforgery cookie."));
    }

    /// <summary>The password POST of the Blazor login form for <paramref name="person"/>, with the antiforgery cookie.</summary>
    public HttpRequestMessage CreatePost(Uri postUrl, Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var request = new HttpRequestMessage(HttpMethod.Post, postUrl)
        {
            Content = new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", Token),
                new("_handler", "login"),
                new("Input.Login", person.Uid),
                new("Input.Password", person.Password),
            ]),
        };
        request.Headers.TryAddWithoutValidation("Cookie", CookieHeader);
        return request;
    }

    /// <summary>How a login POST ended: <see cref="Sample.Ok"/> for a 302 that sets gp_session, else a short reason.</summary>
    public static string ClassifyPost(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = response.StatusCode;
        if (status == HttpStatusCode.Found)
        {
            var session = response.Headers.TryGetValues("Set-Cookie", out var cookies)
                && cookies.Any(c => c.StartsWith("gp_session=", StringComparison.Ordinal));
            var target = response.Headers.Location?.OriginalString ?? "";
            return session ? Sample.Ok : $"302 without gp_session (to {target.Split('?')[0]})";
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

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ValueAttribute();
}
