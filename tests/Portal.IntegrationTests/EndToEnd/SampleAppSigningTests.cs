using GatewayPortal.Identity.Applications;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>
/// The sample application's standard ASP.NET Core OpenID Connect handler accepts identity tokens signed with ES256 (the
/// default) and with RS256 (a client that asks for it), each verified with the key the portal's JWKS publishes.
/// </summary>
public sealed class SampleAppSigningTests(LiveSsoEnvironment sso) : IClassFixture<LiveSsoEnvironment>
{
    [Theory]
    [InlineData("ES256")]
    [InlineData("RS256")]
    public async Task SampleApp_IdTokenSignedWithTheClientsAlgorithm_SignsThePersonIn(string algorithm)
    {
        // Arrange
        await SetAlgorithmAsync(algorithm);
        var page = await sso.Portal.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#login").FillAsync(DemoAccounts.KimMinsu.Uid);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        // Act: the sample challenges, the portal answers with a code, the sample redeems it and validates the id_token.
        await page.GotoAsync(sso.Sample.BaseAddress.ToString());
        await page.WaitForURLAsync(
            url => url.StartsWith(sso.Sample.BaseAddress.ToString(), StringComparison.Ordinal) && !url.Contains("signin-oidc", StringComparison.Ordinal),
            new() { Timeout = 30_000, WaitUntil = WaitUntilState.DOMContentLoaded });
        var text = await page.Locator("body").TextContentAsync();

        // Assert
        Assert.Contains(DemoAccounts.KimMinsu.Uid, text, StringComparison.Ordinal);
    }

    private async Task SetAlgorithmAsync(string algorithm)
    {
        await using var scope = sso.Portal.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<IApplicationsDbContext>();
        var application = await registry.Applications.SingleAsync(a => a.ClientId == "sample-lob", TestContext.Current.CancellationToken);
        application.IdTokenSignedResponseAlg = algorithm;
        await registry.SaveChangesAsync(TestContext.Current.CancellationToken);
        sso.Portal.Services.GetRequiredService<ApplicationCatalogue>().Invalidate();
    }
}
