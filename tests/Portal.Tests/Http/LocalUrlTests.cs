using GatewayPortal.Portal.Http;


namespace GatewayPortal.Portal.Tests.Http;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/admin/audit?page=2", true)]
    [InlineData("~/wiki/page", true)]
    [InlineData("https://evil.example/", false)] // absolute URL to another site
    [InlineData("//evil.example/", false)] // scheme-relative: the browser goes off-site
    [InlineData("/\\evil.example/", false)] // browsers treat \ as / here
    [InlineData("~//evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/\r\nSet-Cookie: x=y", false)] // header splitting
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("relative/path", false)]
    public void IsLocal_Url_OnlyAcceptsPathsOnThisSite(string? url, bool expected)
    {
        Assert.Equal(expected, LocalUrl.IsLocal(url));
    }

    [Fact]
    public void IsLocal_VeryLongUrl_IsRefused()
    {
        Assert.False(LocalUrl.IsLocal("/" + new string('a', LocalUrl.MaxLength)));
    }

    [Fact]
    public void IsLocal_AuthorizationRequestWithALargeState_IsFollowed()
    {
        // An application's 2 KB state plus the other parameters (issue #13: it came back as "/").
        Assert.True(LocalUrl.IsLocal("/connect/authorize?client_id=sample-lob&state=" + new string('s', 3000)));
    }

    [Fact]
    public void OrHome_OffSiteUrl_FallsBackToHome()
    {
        Assert.Equal("/", LocalUrl.OrHome("https://evil.example"));
        Assert.Equal("/x", LocalUrl.OrHome("/x"));
    }
}
