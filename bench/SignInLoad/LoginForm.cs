using System.Net;
using System.Text.RegularExpressions;

namespace GatewayPortal.Bench.SignInLoad;

/// <summary>One anonymous visitor's antiforgery pair: the hidden form token and the cookie it is bound to.</summary>
internal sealed partial record LoginForm(string Token, string CookieHeader)
{
    private const string CookiePrefix = ".AspNetCore.Antiforgery.";

    public static async Task<LoginForm> FetchAsync(HttpClient http, Uri loginUrl, CancellationToken cancellationToken)
    {
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

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ValueAttribute();
}
