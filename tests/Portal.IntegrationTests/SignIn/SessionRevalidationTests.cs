using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.SignIn;

/// <summary>A portal that re-checks sessions against the directory every second.</summary>
public sealed class FastRevalidationPortal(SlapdFixture directory) : PortalApplicationFactory(directory, new Dictionary<string, string?>
{
    ["SignIn:SessionRevalidationInterval"] = "00:00:01",
});

public sealed class SessionRevalidationTests(FastRevalidationPortal portal) : IClassFixture<FastRevalidationPortal>
{
    [Fact]
    public async Task Session_PersonDisabledInDirectory_EndsAtNextRevalidation()
    {
        // Arrange: a generated person no other test uses, signed in.
        var person = portal.Directory.Organization.People.Where(p => !p.IsDisabled).ElementAt(1500);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(person.Uid, CityHall.GeneratedUserPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        try
        {
            // Act: the directory marks the person retired; wait past the revalidation interval.
            DirectoryAdmin.SetEmployeeType(portal.Directory, person.DistinguishedName, "퇴직");
            await Task.Delay(TimeSpan.FromMilliseconds(1500), TestContext.Current.CancellationToken);
            var after = await client.GetAsync("/");

            // Assert
            Assert.True(PortalClient.RedirectsTo(after, "/account/login"), after.StatusCode.ToString());
        }
        finally
        {
            DirectoryAdmin.SetEmployeeType(portal.Directory, person.DistinguishedName, "재직");
        }
    }
}
