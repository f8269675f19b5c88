using GatewayPortal.Portal.Home;

namespace GatewayPortal.Portal.Tests.Home;

public sealed class LaunchTargetTests
{
    [Theory]
    [InlineData("https://approval.example/inbox?box=wait", true)]
    [InlineData("https://APPROVAL.example/", true)]
    [InlineData("https://approval.example:443/x", true)]
    [InlineData("http://approval.example/inbox", false)]
    [InlineData("https://approval.example:8443/inbox", false)]
    [InlineData("https://evil.example/inbox", false)]
    [InlineData("https://approval.example.evil.example/", false)]
    [InlineData("https://user@approval.example/", false)]
    [InlineData("//approval.example/inbox", false)]
    [InlineData("/inbox", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("https://approval.example/\n", false)]
    [InlineData("", false)]
    public void IsSameOrigin_TargetAgainstLaunchUrl_OnlyTheApplicationsOwnOrigin(string target, bool expected)
    {
        // Act
        var allowed = LaunchTarget.IsSameOrigin(target, "https://approval.example/start");

        // Assert
        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void IsSameOrigin_TooLong_Refused()
    {
        // Act
        var allowed = LaunchTarget.IsSameOrigin("https://approval.example/" + new string('a', LaunchTarget.MaxLength), "https://approval.example/");

        // Assert
        Assert.False(allowed);
    }

    [Fact]
    public void Link_WithTarget_EscapesClientIdAndTarget()
    {
        // Act
        var link = LaunchTarget.Link("a b", "https://x.example/?a=1&b=2");

        // Assert
        Assert.Equal("/launch/a%20b?target=https%3A%2F%2Fx.example%2F%3Fa%3D1%26b%3D2", link);
        Assert.Equal("/launch/a%20b", LaunchTarget.Link("a b", null));
    }
}
