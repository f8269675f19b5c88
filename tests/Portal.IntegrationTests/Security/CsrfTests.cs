using System.Net;
using System.Text.RegularExpressions;
using GatewayPortal.Portal.Components.Pages.Wiki;
using GatewayPortal.Portal.Endpoints;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>
/// Cross-site request forgery (issue #7, group 6): every route that accepts POST is read from the running portal's route
/// table and posted to by a signed-in administrator without an antiforgery token; every form in the Razor sources is
/// matched to one of those routes. Only the OpenID Connect protocol endpoints are exempt, by design (a relying party
/// cannot hold the portal's token); the end-session confirmation still checks it.
/// </summary>
public sealed partial class CsrfTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    /// <summary>POST routes that must not use antiforgery: the OIDC protocol (client authentication, PKCE and state protect them).</summary>
    private static readonly string[] ProtocolRoutes = ["/connect/authorize", "/connect/token", "/connect/userinfo", "/connect/endsession"];

    /// <summary>APIs for systems that authenticate with a bearer token and ignore cookies: a cross-site post is anonymous there.</summary>
    private static readonly string[] BearerRoutes = ["/api/v1/counters", "/api/counters"];

    /// <summary>Read-only routes mapped for every method (health checks): a POST changes nothing.</summary>
    private static readonly string[] ReadOnlyRoutes = ["/health", "/health/live"];

    [Fact]
    public async Task EveryPostRoute_WithoutAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        // Arrange: an administrator's session (so authorization is not what refuses), and every POST route the portal maps.
        using var admin = portal.CreatePortalClient("192.0.2.91");
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);
        var routes = PostRoutes();
        var pinnedBefore = await PinnedCountAsync(admin);

        // Act: a cross-site form post carries the victim's cookies but not the token; fields as the real forms send them.
        var refused = new List<string>();
        var accepted = new List<string>();
        foreach (var route in routes.Except(ProtocolRoutes.Concat(ReadOnlyRoutes).Concat(BearerRoutes), StringComparer.Ordinal))
        {
            var path = Fill(route);
            var response = await admin.PostFormAsync(path, TypicalFields(route), withToken: false);
            (response.StatusCode == HttpStatusCode.BadRequest ? refused : accepted).Add($"{route} → {(int)response.StatusCode} {response.Headers.Location}");
        }

        var bearerStatuses = new List<HttpStatusCode>();
        foreach (var route in BearerRoutes)
        {
            bearerStatuses.Add((await admin.PostFormAsync(route, new Dictionary<string, string> { ["sub"] = "x" }, withToken: false)).StatusCode);
        }

        var signedOut = await admin.PostFormAsync("/connect/endsession", new Dictionary<string, string> { ["client_id"] = "sample-lob", ["confirm"] = "yes" }, withToken: false);
        var stillSignedIn = await admin.GetAsync("/admin/sessions");
        var pinnedAfter = await PinnedCountAsync(admin);
        XssTests.Report($"csrf: {routes.Count} POST routes in the route table, {refused.Count} refused without a token, "
            + $"{ProtocolRoutes.Length} OIDC protocol routes exempt by design, {ReadOnlyRoutes.Length} read-only health routes; " + string.Join("; ", refused));

        // Assert
        Assert.Empty(accepted);
        Assert.All(bearerStatuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Superset(new HashSet<string>(ProtocolRoutes, StringComparer.Ordinal), routes.ToHashSet(StringComparer.Ordinal));
        Assert.True(refused.Count >= 25, $"only {refused.Count} routes");
        Assert.False(PortalClient.RedirectsTo(signedOut, "http://127.0.0.1:5002"), "end-session signed out without the token");
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal(pinnedBefore, pinnedAfter);
    }

    [Fact]
    public void EveryFormInTheSources_PostsToARouteThatChecksTheToken()
    {
        // Arrange
        var routes = PostRoutes().ToHashSet(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        // Act
        var forms = new List<(string File, string Target)>();
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            var pages = PageDirective().Matches(text).Select(m => Normalize(m.Groups[1].Value)).ToList();
            foreach (Match form in PostForm().Matches(text))
            {
                var targets = Targets(form.Value, pages);
                forms.AddRange(targets.Select(t => (Path.GetFileName(file), t)));
            }
        }

        var unmatched = forms.Where(f => !routes.Contains(f.Target)).ToList();
        XssTests.Report($"csrf: {forms.Count} POST forms (form × target) in {forms.Select(f => f.File).Distinct().Count()} components, all posting to the {routes.Count} routes checked");

        // Assert
        Assert.True(forms.Count >= 15, $"{forms.Count} forms found");
        Assert.True(unmatched.Count == 0, string.Join(", ", unmatched.Select(u => $"{u.File} → {u.Target}")));
    }

    /// <summary>Every route pattern that accepts POST (no method metadata means any method).</summary>
    private List<string> PostRoutes() =>
        [.. portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("POST", StringComparer.Ordinal))
            .Select(e => Normalize("/" + e.RoutePattern.RawText?.TrimStart('/')))
            .Where(p => !p.StartsWith("/_", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>Route parameters are compared by position only: "/wiki/{Slug}/edit" and "/wiki/{slug}/edit" are one route.</summary>
    private static string Normalize(string pattern) => Parameter().Replace(pattern.TrimEnd('/') is { Length: > 0 } p ? p : "/", "{}");

    private static IEnumerable<string> Targets(string form, List<string> pages)
    {
        var wiki = form.IndexOf("WikiPaths.Action(", StringComparison.Ordinal);
        if (wiki >= 0)
        {
            return Quoted().Matches(form[wiki..form.IndexOf(')', wiki)]).Select(m => "/wiki/{}/" + m.Groups[1].Value);
        }

        var action = Action().Match(form);
        if (!action.Success)
        {
            return pages;
        }

        var value = action.Groups[1].Value;
        if (value.StartsWith('/'))
        {
            return [Normalize(value)];
        }

        return value switch
        {
            "@SessionAdminPaths.End" => [SessionAdminPaths.End],
            "@SearchAdminEndpoints.RebuildPath" => [SearchAdminEndpoints.RebuildPath],
            // The editor names its own route (the default action is the decoded path: wrong for titles with %25).
            _ when value.Contains("WikiPaths.Edit(", StringComparison.Ordinal) => ["/wiki/{}/edit"],
            "@WikiPaths.Watch" => [WikiPaths.Watch],
            _ when value.Contains("NoticePaths.Delete(", StringComparison.Ordinal) => ["/notices/{}/{}/delete"],
            _ when value.Contains("NoticePaths.New(", StringComparison.Ordinal) && value.Contains("NoticePaths.Edit(", StringComparison.Ordinal) =>
                ["/notices/{}/new", "/notices/{}/{}/edit"],
            // The board form posts to the page it is on: "/admin/boards" (new) or "/admin/boards/{Key}" (edit).
            _ when value.StartsWith("@(editing ?", StringComparison.Ordinal) && form.Contains("\"/admin/boards", StringComparison.Ordinal) =>
                ["/admin/boards", "/admin/boards/{}"],
            _ => ["unknown action " + value],
        };
    }

    private static string Fill(string route) => route.Replace("/wiki/{}", "/wiki/" + Uri.EscapeDataString(WikiPaths.MainPageTitle), StringComparison.Ordinal)
        .Replace("/admin/applications/{}", "/admin/applications/hr-personnel", StringComparison.Ordinal)
        .Replace("{}", "1", StringComparison.Ordinal);

    private static Dictionary<string, string> TypicalFields(string route) => route switch
    {
        "/authentication/logout" => new() { ["returnUrl"] = "/" },
        "/culture" => new() { ["culture"] = "en", ["returnUrl"] = "/" },
        "/launcher/pin" => new() { ["id"] = "1" },
        "/admin/sessions/end" => new() { ["sid"] = "x" },
        "/account/login" => new() { ["_handler"] = "login", ["Input.Login"] = DemoAccounts.KimMinsu.Uid, ["Input.Password"] = DemoAccounts.Password },
        _ when route.StartsWith("/wiki/", StringComparison.Ordinal) => new()
        {
            ["_handler"] = "wiki-edit",
            ["Input.Text"] = "CSRF",
            ["Input.Action"] = "save",
            ["revision"] = "1",
            ["newTitle"] = "CSRF 이동",
            ["protect"] = "true",
            ["readGroups"] = "staff-all",
        },
        _ => new() { ["_handler"] = "application", ["Input.NameKo"] = "CSRF" },
    };

    private static async Task<int> PinnedCountAsync(PortalClient client)
    {
        var (_, page) = await client.GetDocumentAsync("/apps");
        return page.QuerySelectorAll("button.pin[aria-pressed=true]").Length;
    }

    [GeneratedRegex(@"@page\s+""([^""]+)""")]
    private static partial Regex PageDirective();

    [GeneratedRegex(@"<form[^>]*method=""post""[^>]*>|<EditForm[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    [GeneratedRegex(@"action=""([^""]+)""")]
    private static partial Regex Action();

    [GeneratedRegex(@"""([a-z]+)""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
