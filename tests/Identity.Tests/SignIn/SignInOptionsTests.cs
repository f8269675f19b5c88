using GatewayPortal.Identity.SignIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Tests.SignIn;

public sealed class SignInOptionsTests
{
    [Theory]
    [InlineData("https://password.cityhall.example/reset")]
    [InlineData("http://intranet.cityhall.example/password")]
    [InlineData(null)]
    [InlineData("")]
    public void PasswordResetUrl_AbsoluteHttpOrUnset_IsAccepted(string? url)
    {
        // Act
        var options = Build(url);

        // Assert
        Assert.Equal(url, options.Value.PasswordResetUrl);
    }

    [Theory]
    [InlineData("/account/password")] // a local path: the password service is the organisation's, not the portal's
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.cityhall.example/")]
    [InlineData("https://user:secret@password.cityhall.example/")]
    [InlineData("password.cityhall.example")]
    public void PasswordResetUrl_NotAnAbsoluteHttpUrl_FailsAtStart(string url)
    {
        // Act
        var error = Assert.Throws<OptionsValidationException>(() => Build(url).Value);

        // Assert
        Assert.Contains("SignIn:PasswordResetUrl", error.Message, StringComparison.Ordinal);
    }

    private static IOptions<SignInOptions> Build(string? url)
    {
        var services = new ServiceCollection();
        services.AddOptions<SignInOptions>().Configure(o => o.PasswordResetUrl = url).ValidateDataAnnotations();
        return services.BuildServiceProvider().GetRequiredService<IOptions<SignInOptions>>();
    }
}
