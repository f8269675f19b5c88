using System.Net;
using AngleSharp.Html.Dom;
using GatewayPortal.Identity.Applications.Admin;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>
/// LDAP injection (issue #7, group 6) against the real slapd, in every field that reaches a search filter: the login name,
/// the person card's uid, an application's allowed groups, a wiki page's read and edit groups, and the group lookup.
/// Filter metacharacters match only themselves: no wildcard match, no widened filter, no error page.
/// </summary>
public sealed class LdapInjectionTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    /// <summary>Values that would widen or break a filter if they were not escaped.</summary>
    public static readonly string[] Injections =
    [
        "*",
        "kim*",
        "*minsu",
        "k*m.minsu",
        "kim.minsu*",
        "*)(uid=*",
        "*)(|(uid=*",
        "kim.minsu)(|(uid=*)",
        "kim.minsu)(objectClass=*",
        "*)(objectClass=*))(|(uid=*",
        "x)(|(mail=*",
        "*)(userPassword=*",
        "admin)(&)",
        "(|(uid=*))",
        ")",
        "(",
        "\\",
        "\\2a",
        "\\2A",
        "kim\\2eminsu",
        "kim.minsu\0",
        "kim.minsu\0)(uid=*",
        "\\00",
        "*\\",
        "%2a",
        "*@*",
        "*@seoul.go.kr",
        "portal-admins*",
        "*admins",
        "staff-all)(cn=*",
        "staff-all)(|(cn=*",
        // Not here: "ｋｉｍ.minsu" (fullwidth) finds kim.minsu, as "KIM.MINSU" does: slapd's caseIgnoreMatch folds width and case
        // (RFC 4518 string preparation). That is the directory's matching rule, not an injection, and throttling counts per person.
        "kim.minsu\u0130",
        "\uD800",
        "김*",
        new string('*', 64),
        new string('(', 100),
    ];

    public static TheoryData<string> InjectionData => [.. Injections];

    [Fact]
    public async Task Login_EveryInjection_NeverSignsInAndNeverErrors()
    {
        // Arrange: the right demo password, so a widened filter that found anyone would sign in.
        var outcomes = new List<string>();

        // Act
        foreach (var (login, i) in Injections.Select((l, i) => (l, i)))
        {
            using var client = portal.CreatePortalClient($"198.18.{i / 200}.{i % 200 + 1}");
            var response = await client.SignInAsync(login, DemoAccounts.Password);
            var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("gp_session=", StringComparison.Ordinal));
            outcomes.Add($"{Show(login)} → {(int)response.StatusCode}{(cookie ? " SIGNED IN" : "")}");
        }

        XssTests.Report("ldap login: " + string.Join("; ", outcomes));

        // Assert: the generic refusal (200 with the message) or a validation error (400), nothing else.
        Assert.All(outcomes, o => Assert.Matches(@"→ (200|400)$", o));
    }

    [Fact]
    public async Task PersonCard_EveryInjectionAsUid_FindsNobodyAndNeverErrors()
    {
        // Arrange
        using var client = await WikiSignedInAsync(DemoAccounts.KimMinsu.Uid);
        var control = await client.GetAsync("/people/" + DemoAccounts.LeeJiyoung.Uid);

        // Act
        var statuses = new List<string>();
        // A NUL cannot travel in a URL path (Kestrel refuses it before the portal sees it).
        foreach (var uid in Injections.Where(u => u.Length > 0 && !u.Contains('\0', StringComparison.Ordinal)))
        {
            var response = await client.GetAsync("/people/" + Uri.EscapeDataString(uid));
            statuses.Add($"{Show(uid)} → {(int)response.StatusCode}");
        }

        // Assert
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
        Assert.All(statuses, s => Assert.EndsWith("→ 404", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GroupLookup_EveryInjection_MatchesOnlyTheLiteralName()
    {
        // Arrange
        var groups = portal.Services.GetRequiredService<IDirectoryGroupLookup>();
        var ct = TestContext.Current.CancellationToken;

        // Act
        var controlExists = await groups.ExistsAsync("portal-admins", ct);
        var controlSearch = await groups.SearchGroupsAsync("portal", 10, ct);
        var exists = new List<string>();
        var found = new List<string>();
        foreach (var value in Injections)
        {
            if (await groups.ExistsAsync(value, ct))
            {
                exists.Add(Show(value));
            }

            found.AddRange((await groups.SearchGroupsAsync(value, 10, ct)).Select(g => $"{Show(value)} → {g}"));
        }

        // Assert
        Assert.True(controlExists);
        Assert.Contains("portal-admins", controlSearch);
        Assert.Empty(exists);
        Assert.Empty(found);
    }

    [Theory]
    [MemberData(nameof(InjectionData))]
    public async Task ApplicationAllowedGroups_Injection_IsRefusedAsAnUnknownGroup(string group)
    {
        // Arrange
        using var admin = await WikiSignedInAsync(DemoAccounts.ParkJihoon.Uid);
        const string path = "/admin/applications/hr-benefits/edit";
        var fields = await ApplicationFormAsync(admin, path);
        var before = fields["Input.AllowedGroups"];
        fields["Input.AllowedGroups"] = group;

        // Act
        var response = await admin.PostFormAsync(path, fields);
        var (_, again) = await admin.GetDocumentAsync(path);

        // Assert: refused on the form (400 with the localised message), the application unchanged.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (again.QuerySelector("textarea[name='Input.AllowedGroups']") as IHtmlTextAreaElement)?.Value ?? "");
    }

    [Fact]
    public async Task WikiPermissions_EveryInjectionAsAGroup_IsRefusedAsUnknown()
    {
        // Arrange
        using var admin = await WikiSignedInAsync(DemoAccounts.ParkJihoon.Uid);
        const string title = "LDAP 주입 시험";
        await Wiki.WikiHttp.SaveAsync(admin, title, "권한 시험 문서");
        var page = Wiki.WikiHttp.PathOf(title);

        // Act
        var outcomes = new List<string>();
        foreach (var group in Injections.Where(g => !g.Contains(',', StringComparison.Ordinal) && g.Trim().Length > 0))
        {
            var response = await admin.PostFormAsync(page + "/permissions", new Dictionary<string, string> { ["readGroups"] = group, ["editGroups"] = "" }, page + "/manage");
            outcomes.Add($"{Show(group)} → {(int)response.StatusCode} {PortalClient.LocationPath(response)}");
        }

        var (_, manage) = await admin.GetDocumentAsync(page + "/manage");

        // Assert
        // A NUL in a form field is refused before any lookup (400); everything else is an unknown group.
        Assert.All(outcomes, o => Assert.Matches(@"(\?error=UnknownGroup|→ 400 )$", o));
        Assert.Equal("", manage.QuerySelector("#read-groups")?.GetAttribute("value"));
    }

    private Task<PortalClient> WikiSignedInAsync(string uid) => Wiki.WikiHttp.SignedInAsync(portal, uid);

    private static Task<Dictionary<string, string>> ApplicationFormAsync(PortalClient client, string path) =>
        client.GetFormFieldsAsync(path, "application");

    private static string Show(string value) => string.Concat(value.Take(40).Select(c => c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : new string(c, 1)));
}
