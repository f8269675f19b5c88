using System.Security.Claims;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.Search;

namespace GatewayPortal.Portal.Tests.Search;

public sealed class PortalSearchPrincipalsTests
{
    [Fact]
    public void ForGroups_NoGroups_IsEveryone()
    {
        Assert.Equal(["everyone"], PortalSearchPrincipals.ForGroups([]));
    }

    [Fact]
    public void ForGroups_MixedCase_AreLowerCasedGroupPrincipals()
    {
        Assert.Equal(["group:staff-hq", "group:role-hr"], PortalSearchPrincipals.ForGroups(["Staff-HQ", "role-hr", "staff-hq"]));
    }

    [Fact]
    public void ForUser_GroupsAndSubject_MatchTheDocumentsPrincipals()
    {
        // Arrange
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PortalClaimTypes.Subject, "abc-123"), new Claim(PortalClaimTypes.Group, "STAFF-HQ")], "test"));

        // Act
        var principals = PortalSearchPrincipals.ForUser(user);

        // Assert
        Assert.Equal(["everyone", "group:staff-hq", "user:abc-123"], principals.Order(StringComparer.Ordinal));
    }
}
