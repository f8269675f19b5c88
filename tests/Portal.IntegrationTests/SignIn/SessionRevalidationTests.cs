using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.SignIn;

public sealed class SessionRevalidationTests(ClockedRevalidationPortal portal) : IClassFixture<ClockedRevalidationPortal>
{
    [Fact]
    public async Task Session_PersonDisabledInDirectory_EndsAtNextRevalidation()
    {
        // Arrange: a generated person no other test uses, signed in and seen active once (cached for the interval).
        var person = portal.Directory.Organization.People.Where(p => !p.IsDisabled).ElementAt(1500);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(person.Uid, CityHall.GeneratedUserPassword);
        var active = await client.GetAsync("/");

        try
        {
            // Act: the directory marks the person retired; within the interval the cached answer stands, after it not.
            DirectoryAdmin.SetEmployeeType(portal.Directory, person.DistinguishedName, "퇴직");
            var withinInterval = await client.GetAsync("/");
            portal.Clock.Advance(ClockedRevalidationPortal.RevalidationInterval + TimeSpan.FromSeconds(1));
            var afterInterval = await client.GetAsync("/");

            // Assert
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
            Assert.Equal(HttpStatusCode.OK, withinInterval.StatusCode);
            Assert.True(PortalClient.RedirectsTo(afterInterval, "/account/login"), afterInterval.StatusCode.ToString());
        }
        finally
        {
            DirectoryAdmin.SetEmployeeType(portal.Directory, person.DistinguishedName, "재직");
        }
    }
}
