using System.Globalization;
using Bunit;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.Oidc.Logout;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.Components.Pages.Account;
using GatewayPortal.Portal.Footer;
using GatewayPortal.Portal.SignIn;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Portal.Tests.Components;

public sealed class LoginPageTests : BunitContext
{
    private readonly FakeSignInService _signIn = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
    private readonly DefaultHttpContext _http = new();
    private readonly SignInOptions _options = new();
    private readonly PortalFooterOptions _footer = new();

    public LoginPageTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<IPasswordSignInService>(_signIn);
        Services.AddSingleton(Options.Create(_options));
        Services.AddSingleton(Options.Create(_footer));
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(new FrontChannelLogoutFrames(new EphemeralDataProtectionProvider(), _time));
    }

    private IRenderedComponent<Login> RenderLogin() => Render<Login>(p => p.AddCascadingValue(_http));

    [Fact]
    public void Login_Korean_RendersLabelledFieldsWithAutocomplete()
    {
        // Act
        var cut = RenderLogin();

        // Assert
        Assert.Equal("로그인", cut.Find("h1").TextContent);
        Assert.Equal("아이디, 이메일 또는 직원번호", cut.Find("label[for=login]").TextContent);
        Assert.Equal("username", cut.Find("input#login").GetAttribute("autocomplete"));
        Assert.Equal("password", cut.Find("input#password").GetAttribute("type"));
        Assert.Equal("256", cut.Find("input#login").GetAttribute("maxlength"));
    }

    [Fact]
    public void Login_English_RendersEnglishText()
    {
        // Arrange
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

        // Act
        var cut = RenderLogin();

        // Assert
        Assert.Equal("Sign in", cut.Find("h1").TextContent);
        Assert.Equal("Password", cut.Find("label[for=password]").TextContent);
    }

    [Fact]
    public void Submit_EmptyFields_ShowsValidationMessagesWithoutAskingTheDirectory()
    {
        // Arrange
        var cut = RenderLogin();

        // Act
        cut.Find("form").Submit();

        // Assert
        var messages = cut.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Contains("아이디, 이메일 또는 직원번호를 입력하세요.", messages);
        Assert.Contains("비밀번호를 입력하세요.", messages);
        Assert.Equal(0, _signIn.Calls);
    }

    [Fact]
    public void Submit_WrongPassword_ShowsGenericAlertAndClearsPassword()
    {
        // Arrange
        _signIn.Next = new PasswordSignInResult(PasswordSignInStatus.Failed);
        var cut = RenderLogin();
        cut.Find("#login").Change("kim.minsu");
        cut.Find("#password").Change("wrong");

        // Act
        cut.Find("form").Submit();

        // Assert
        Assert.Equal("아이디 또는 비밀번호가 올바르지 않습니다.", cut.Find("[role=alert]").TextContent);
        Assert.Equal("", cut.Find("#password").GetAttribute("value") ?? "");
        Assert.Equal(1, _signIn.Calls);
    }

    [Fact]
    public void Submit_LockedOut_Answers429WithRetryTimeInSeoulTime()
    {
        // Arrange: locked until 01:15 UTC = 10:15 in Seoul.
        _signIn.Next = new PasswordSignInResult(PasswordSignInStatus.LockedOut, RetryAtUtc: _time.GetUtcNow().AddMinutes(15));
        var cut = RenderLogin();
        cut.Find("#login").Change("kim.minsu");
        cut.Find("#password").Change("x");

        // Act
        cut.Find("form").Submit();

        // Assert
        Assert.Equal(StatusCodes.Status429TooManyRequests, _http.Response.StatusCode);
        Assert.Contains("10:15(약 15분 후)", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_DirectoryUnavailable_Answers503WithDirectoryHeading()
    {
        // Arrange
        _signIn.Next = new PasswordSignInResult(PasswordSignInStatus.DirectoryUnavailable);
        var cut = RenderLogin();
        cut.Find("#login").Change("kim.minsu");
        cut.Find("#password").Change("x");

        // Act
        cut.Find("form").Submit();

        // Assert
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, _http.Response.StatusCode);
        Assert.Equal("디렉터리 서비스에 연결할 수 없습니다", cut.Find("h1").TextContent);
    }

    [Fact]
    public void Login_PasswordResetUrlConfigured_LinksToIt()
    {
        // Arrange
        _options.PasswordResetUrl = "https://password.cityhall.example/reset";

        // Act
        var cut = RenderLogin();

        // Assert
        var link = cut.Find("a#password-reset");
        Assert.Equal("https://password.cityhall.example/reset", link.GetAttribute("href"));
        Assert.Equal("비밀번호 찾기", link.TextContent);
    }

    [Fact]
    public void Login_PasswordResetUrlNotConfigured_ShowsNoLink()
    {
        // Act
        var cut = RenderLogin();

        // Assert
        Assert.Empty(cut.FindAll("a#password-reset"));
    }

    [Fact]
    public void Login_HelpDeskConfigured_NamesItWithPhoneAndHours()
    {
        // Arrange: the footer's help desk (Portal:Footer:HelpDesk) is the one the login page names.
        _footer.HelpDesk.NameKo = "정보화 헬프데스크";
        _footer.HelpDesk.Phone = "02-2133-0120";
        _footer.HelpDesk.HoursKo = "평일 09:00–18:00";

        // Act
        var cut = RenderLogin();

        // Assert
        Assert.Equal("로그인이 되지 않으면 정보화 헬프데스크에 문의하십시오.", cut.Find("#login-help-desk").TextContent);
        Assert.Equal("tel:0221330120", cut.Find(".login-help a.phone").GetAttribute("href"));
        Assert.Contains("평일 09:00–18:00", cut.Find(".login-help .contact").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Login_RememberedLoginCookie_PrefillsTheNameAndTicksTheBox()
    {
        // Arrange
        _http.Request.Headers.Cookie = RememberedLogin.CookieName + "=kim.minsu";

        // Act
        var cut = RenderLogin();

        // Assert
        Assert.Equal("kim.minsu", cut.Find("input#login").GetAttribute("value"));
        Assert.True(cut.Find("input#remember-login").HasAttribute("checked"));
        Assert.Null(cut.Find("input#password").GetAttribute("value"));
    }

    [Fact]
    public void Login_RememberedCookieNotALoginName_IsIgnored()
    {
        // Arrange: a value no account could have (a space inside) is not put in the field.
        _http.Request.Headers.Cookie = RememberedLogin.CookieName + "=kim%20minsu";

        // Act
        var cut = RenderLogin();

        // Assert
        Assert.True(string.IsNullOrEmpty(cut.Find("input#login").GetAttribute("value")));
        Assert.False(cut.Find("input#remember-login").HasAttribute("checked"));
    }

    private sealed class FakeSignInService : IPasswordSignInService
    {
        public PasswordSignInResult Next { get; set; } = new(PasswordSignInStatus.Failed);

        public int Calls { get; private set; }

        public Task<PasswordSignInResult> SignInAsync(string login, string password, SignInClient client, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(Next);
        }

        public Task<PasswordSignInResult> VerifySecondFactorAsync(string subjectId, string login, string code, SignInClient client, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
