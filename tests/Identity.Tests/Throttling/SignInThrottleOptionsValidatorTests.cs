using GatewayPortal.Identity.Throttling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Tests.Throttling;

public sealed class SignInThrottleOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new SignInThrottleOptionsValidator().Validate(null, new SignInThrottleOptions()).Succeeded);
    }

    [Theory]
    [InlineData("AccountDelay", "00:00:20")] // longer than AccountDelayMax (10 s)
    [InlineData("MaxFailuresPerClient", "3")] // fewer than MaxFailuresPerAccountAndClient (5)
    [InlineData("AccountDelayMax", "00:05:00")] // out of range
    [InlineData("MaxFailuresPerAccountAndClient", "0")] // out of range
    public void Options_InconsistentSetting_FailsWhenResolved(string key, string value)
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{SignInThrottleOptions.SectionName}:{key}"] = value })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddPortalIdentity(configuration);
        using var provider = services.BuildServiceProvider();

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SignInThrottleOptions>>().Value);

        // Assert
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
