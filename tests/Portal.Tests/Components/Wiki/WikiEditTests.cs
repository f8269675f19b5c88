using System.Globalization;
using System.Security.Claims;
using Bunit;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.Components.Pages.Wiki;
using GatewayPortal.Portal.SignIn;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Merge;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.Tests.Components.Wiki;

public sealed class WikiEditTests : BunitContext
{
    private static readonly WikiTitle Title = new("", "복무 규정");
    private readonly FakeEditor _editor = new();
    private readonly DefaultHttpContext _http = new()
    {
        User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PortalClaimTypes.Subject, "subject-kim"), new Claim(PortalClaimTypes.Name, "김민수")], "test")),
    };

    public WikiEditTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddLogging();
        AddAuthorization().SetAuthorized("김민수");
        Services.AddMemoryCache();
        Services.AddSingleton<WikiHtmlCache>();
        Services.AddScoped<SessionPersonReader>();
        Services.AddScoped<WikiActorFactory>();
        Services.AddSingleton<IWikiReader>(new FakeReader());
        Services.AddSingleton<IWikiEditor>(_editor);
        Services.AddSingleton<IWikiRenderer>(new FakeRenderer());
    }

    private IRenderedComponent<WikiEdit> RenderEditor() =>
        Render<WikiEdit>(p => p.Add(c => c.Slug, "복무_규정").Add(c => c.Interactive, false).AddCascadingValue(_http));

    [Fact]
    public void Open_ExistingPage_FillsTextAndBaseRevision()
    {
        // Act
        var cut = RenderEditor();

        // Assert
        Assert.Equal("복무 규정 편집", cut.Find("h1").TextContent);
        Assert.Equal("가\n나\n다", cut.Find("textarea#wiki-text").GetAttribute("value") ?? cut.Find("textarea#wiki-text").TextContent);
        Assert.Equal("7", cut.Find("input[name='Input.BaseRevisionId']").GetAttribute("value"));
        Assert.Equal("본문 (마크다운)", cut.Find("label[for=wiki-text]").TextContent);
    }

    [Fact]
    public void Save_Conflict_Answers409ShowsHunksAndKeepsTypedTextWithNewBase()
    {
        // Arrange
        const string typed = "가\n나 (내 변경)\n다\n긴 문단을 새로 썼습니다";
        _editor.Next = new WikiSaveResult.Conflict([new MergeConflict(1, 1, ["나"], 1, ["나 (내 변경)"], 1, ["나 (다른 사람)"])], typed, 9);
        var cut = RenderEditor();
        cut.Find("#wiki-text").Change(typed);

        // Act
        cut.Find("form.wiki-editor").Submit();

        // Assert
        Assert.Equal(StatusCodes.Status409Conflict, _http.Response.StatusCode);
        Assert.Equal(typed, _editor.LastRequest!.Text);
        Assert.Equal(7, _editor.LastRequest.BaseRevisionId);
        Assert.Equal(typed, cut.Find("textarea#wiki-text").GetAttribute("value") ?? cut.Find("textarea#wiki-text").TextContent);
        Assert.Equal("9", cut.Find("input[name='Input.BaseRevisionId']").GetAttribute("value"));
        Assert.Equal("나", cut.Find(".conflict-base").TextContent);
        Assert.Equal("나 (다른 사람)", cut.Find(".conflict-theirs").TextContent);
        Assert.Equal("나 (내 변경)", cut.Find(".conflict-mine").TextContent);
        Assert.Equal(3, cut.FindAll(".wiki-conflict-table th[scope=col]").Count);
    }

    [Fact]
    public void Save_TooLarge_ShowsLocalizedSizeErrorAndKeepsText()
    {
        // Arrange
        _editor.Next = new WikiSaveResult.TooLarge(3_000_000, 2_097_152);
        var cut = RenderEditor();
        cut.Find("#wiki-text").Change("아주 긴 글");

        // Act
        cut.Find("form.wiki-editor").Submit();

        // Assert
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, _http.Response.StatusCode);
        Assert.Contains("2,097,152바이트 이하", cut.Find("#edit-errors").TextContent, StringComparison.Ordinal);
        Assert.Equal("아주 긴 글", cut.Find("textarea#wiki-text").GetAttribute("value") ?? cut.Find("textarea#wiki-text").TextContent);
    }

    [Theory]
    [InlineData(WikiContentLimit.HtmlNesting, "HTML 태그가 너무 깊게 중첩되었습니다(100,000단계, 최대 100단계)")]
    [InlineData(WikiContentLimit.TableCells, "표 칸 구분자(|)가 너무 많습니다(100,000개, 최대 100개)")]
    public void Save_OverContentLimit_Answers400NamingTheLimitAndKeepsText(WikiContentLimit limit, string message)
    {
        // Arrange
        _editor.Next = new WikiSaveResult.OverLimit(new WikiContentViolation(limit, 100_000, 100));
        var cut = RenderEditor();
        cut.Find("#wiki-text").Change("<b><b><b> 내 글");

        // Act
        cut.Find("form.wiki-editor").Submit();

        // Assert
        Assert.Equal(StatusCodes.Status400BadRequest, _http.Response.StatusCode);
        Assert.Contains(message, cut.Find("#edit-errors").TextContent, StringComparison.Ordinal);
        Assert.Equal("<b><b><b> 내 글", cut.Find("textarea#wiki-text").GetAttribute("value") ?? cut.Find("textarea#wiki-text").TextContent);
    }

    [Fact]
    public void Save_SummaryTooLong_RefusesWithoutCallingTheEditor()
    {
        // Arrange
        var cut = RenderEditor();
        cut.Find("#wiki-summary").Change(new string('가', 501));

        // Act
        cut.Find("form.wiki-editor").Submit();

        // Assert
        Assert.Null(_editor.LastRequest);
        Assert.Equal(StatusCodes.Status400BadRequest, _http.Response.StatusCode);
        Assert.Contains("편집 요약은 500자 이하여야 합니다.", cut.FindAll(".validation-message").Select(m => m.TextContent));
    }

    private sealed class FakeEditor : IWikiEditor
    {
        public WikiSaveResult Next { get; set; } = new WikiSaveResult.NoChange();

        public WikiSaveRequest? LastRequest { get; private set; }

        public Task<WikiSaveResult> SaveAsync(WikiSaveRequest request, WikiActor actor, CancellationToken cancellationToken = default)
        {
            LastRequest = request;
            return Task.FromResult(Next);
        }

        public Task<WikiSaveResult> RevertAsync(long revisionId, WikiActor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class FakeReader : IWikiReader
    {
        public Task<WikiPageLookup> GetPageAsync(string space, string title, WikiActor actor, CancellationToken cancellationToken = default)
        {
            var revision = new WikiRevisionInfo(7, 1, 6, "subject-lee", "이지영", DateTimeOffset.UnixEpoch, "", false, 9, 2);
            return Task.FromResult(new WikiPageLookup(WikiLookupStatus.Found, new WikiPageView(1, Title, revision, "가\n나\n다", false, false, null, true)));
        }

        public Task<WikiRevisionView?> GetRevisionAsync(long revisionId, WikiActor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<PagedResult<WikiRevisionInfo>?> GetHistoryAsync(long pageId, WikiActor actor, long? before = null, int limit = 50, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<PagedResult<RecentChange>> GetRecentChangesAsync(RecentChangesQuery query, WikiActor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<PagedResult<WikiPageRef>> GetBacklinksAsync(string space, string title, WikiActor actor, long? after = null, int limit = 50, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class FakeRenderer : IWikiRenderer
    {
        public Task<RenderedPage> RenderAsync(string markdown, string currentSpace, CancellationToken cancellationToken = default) =>
            Task.FromResult(new RenderedPage("<p>" + System.Net.WebUtility.HtmlEncode(markdown) + "</p>", [], new HashSet<WikiTitle>()));

        public WikiTextScan Scan(string markdown, string currentSpace, CancellationToken cancellationToken = default) => new(null, new HashSet<WikiTitle>());
    }
}
