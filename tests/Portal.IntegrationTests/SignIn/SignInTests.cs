using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.SignIn;

/// <summary>Signing in and out over HTTP through the real host and the real directory.</summary>
public sealed class SignInTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task LoginPage_Anonymous_RendersKoreanFormWithAntiforgeryToken()
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        var (response, page) = await client.GetDocumentAsync("/account/login");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ko", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("로그인", page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("label[for=login]"));
        Assert.NotNull(page.QuerySelector("input#password[type=password][autocomplete=current-password]"));
        Assert.NotNull(page.QuerySelector("form input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task Culture_SwitchToEnglish_RendersEnglishLoginPage()
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        var switched = await client.PostFormAsync("/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/account/login" }, "/account/login");
        var (_, page) = await client.GetDocumentAsync("/account/login");

        // Assert
        Assert.True(PortalClient.RedirectsTo(switched, "/account/login"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", page.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("kim.minsu")]
    [InlineData("kim.minsu@cityhall.example")]
    [InlineData("20100001")]
    public async Task SignIn_RightPasswordByUidMailOrEmployeeNumber_IssuesSessionCookieAndShowsProfile(string login)
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        var response = await client.SignInAsync(login, DemoAccounts.Password);
        var (home, page) = await client.GetDocumentAsync("/me");

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/"), response.StatusCode.ToString());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gp_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        // Answered by the login fast path: a bare redirect, no rendered page.
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("안녕하세요, 김민수 님", page.QuerySelector("h1")?.TextContent);
        // Staff see what their groups mean, not the directory's ids (those are for administrators).
        Assert.Contains("전 직원", page.QuerySelector(".groups")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("staff-all", page.QuerySelector(".groups")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPasswordUnknownUserOrDisabledAccount_ShowTheSameGenericMessage()
    {
        // Arrange
        using var client = portal.CreatePortalClient("192.0.2.20");

        // Act
        var messages = new List<string?>();
        foreach (var (login, password) in new[] { ("lee.jiyoung", "wrong-password"), ("no.such.person", DemoAccounts.Password), (DemoAccounts.JungDisabled.Uid, DemoAccounts.Password) })
        {
            var response = await client.SignInAsync(login, password);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{login}: {response.StatusCode}");
            Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("gp_session=", StringComparison.Ordinal));
            messages.Add((await PortalClient.ParseAsync(response)).QuerySelector("#login-error")?.TextContent);
        }

        // Assert
        Assert.All(messages, m => Assert.Equal("아이디 또는 비밀번호가 올바르지 않습니다.", m));
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        var response = await client.PostFormAsync("/account/login", new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Login"] = "kim.minsu",
            ["Input.Password"] = DemoAccounts.Password,
        }, withToken: false);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("gp_session=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task SignIn_ReturnUrlOffSite_RedirectsHomeInstead(string returnUrl)
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        var response = await client.SignInAsync("han.seojun", DemoAccounts.Password, returnUrl);

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", PortalClient.LocationPath(response));
    }

    [Fact]
    public async Task SignIn_LocalReturnUrl_RedirectsThere()
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        var response = await client.SignInAsync("han.seojun", DemoAccounts.Password, "/account/access-denied?x=1");

        // Assert
        Assert.Equal("/account/access-denied?x=1", PortalClient.LocationPath(response));
    }

    [Fact]
    public async Task SignIn_EmptyAndOversizedFields_ShowValidationMessages()
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        var empty = await PortalClient.ParseAsync(await client.SignInAsync("", ""));
        var oversized = await PortalClient.ParseAsync(await client.SignInAsync(new string('a', 300), "x"));

        // Assert
        var emptyMessages = empty.QuerySelectorAll(".validation-message").Select(e => e.TextContent).ToList();
        Assert.Contains("아이디, 이메일 또는 직원번호를 입력하세요.", emptyMessages);
        Assert.Contains("비밀번호를 입력하세요.", emptyMessages);
        Assert.Contains("256자 이하", oversized.QuerySelector(".validation-message")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksAccountWithRetryTimeEvenForRightPassword()
    {
        // Arrange
        // A generated person no other test uses, so the lock cannot disturb them.
        var person = portal.Directory.Organization.People.Where(p => !p.IsDisabled).ElementAt(1000);
        using var client = portal.CreatePortalClient("192.0.2.30");
        var responses = new List<HttpResponseMessage>();

        // Act: fail by mail, then try the right password by uid.
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await client.SignInAsync(person.Email, "not-the-password"));
        }

        var rightPassword = await client.SignInAsync(person.Uid, CityHall.GeneratedUserPassword);

        // Assert
        Assert.All(responses.Take(4), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, responses[4].StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightPassword.StatusCode);
        Assert.NotNull(rightPassword.Headers.RetryAfter);
        var message = (await PortalClient.ParseAsync(rightPassword)).QuerySelector("#login-error")?.TextContent;
        Assert.Contains("다시 시도하세요", message, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}:\d{2}", message);
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSession()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("kim.minsu", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // Act
        var signOut = await client.PostFormAsync("/authentication/logout", new Dictionary<string, string>(), "/");
        var after = await client.GetAsync("/");

        // Assert
        Assert.True(PortalClient.RedirectsTo(signOut, "/account/login?signedOut=true"));
        Assert.True(PortalClient.RedirectsTo(after, "/account/login"));
    }

    [Fact]
    public async Task SignOut_GetOrMissingToken_DoesNotEndTheSession()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("kim.minsu", DemoAccounts.Password);

        // Act
        var get = await client.GetAsync("/authentication/logout");
        var forged = await client.PostFormAsync("/authentication/logout", new Dictionary<string, string>(), withToken: false);
        var after = await client.GetAsync("/");

        // Assert
        Assert.False(get.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Health_DatabaseAndDirectoryUp_ReportsHealthy()
    {
        // Arrange: the checks' details answer only to the allowed networks (loopback by default).
        using var client = portal.CreatePortalClient("127.0.0.1");

        // Act
        var response = await client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"directory\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_AnyResponse_CarrySecurityHeaders()
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        var response = await client.GetAsync("/account/login");

        // Assert
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
