using GatewayPortal.Identity.Applications;

namespace GatewayPortal.Identity.Tests.Applications;

public sealed class ApplicationAccessPolicyTests
{
    [Theory]
    [InlineData(ApplicationStatus.Active, "", "staff-hq", ApplicationAccessDecision.Allowed)] // no groups: every signed-in person
    [InlineData(ApplicationStatus.Active, "", "", ApplicationAccessDecision.Allowed)]
    [InlineData(ApplicationStatus.Active, "role-hr", "staff-hq,staff-all", ApplicationAccessDecision.NotInAllowedGroups)]
    [InlineData(ApplicationStatus.Active, "role-hr", "staff-hq,role-hr", ApplicationAccessDecision.Allowed)]
    [InlineData(ApplicationStatus.Active, "role-hr,role-finance", "role-finance", ApplicationAccessDecision.Allowed)] // any one group is enough
    [InlineData(ApplicationStatus.Active, "Role-HR", "role-hr", ApplicationAccessDecision.Allowed)] // case-insensitive
    [InlineData(ApplicationStatus.Active, "role-hr", "role-hr-extra", ApplicationAccessDecision.NotInAllowedGroups)] // whole names only
    [InlineData(ApplicationStatus.Maintenance, "", "staff-hq", ApplicationAccessDecision.Maintenance)]
    [InlineData(ApplicationStatus.Maintenance, "role-hr", "role-hr", ApplicationAccessDecision.Maintenance)]
    [InlineData(ApplicationStatus.Maintenance, "role-hr", "staff-hq", ApplicationAccessDecision.NotInAllowedGroups)] // maintenance only for people otherwise allowed
    [InlineData(ApplicationStatus.Retired, "", "staff-hq", ApplicationAccessDecision.Retired)]
    [InlineData(ApplicationStatus.Retired, "role-hr", "staff-hq", ApplicationAccessDecision.Retired)] // retired beats everything
    public void Evaluate_StatusAndGroups_GivesDecision(ApplicationStatus status, string allowed, string userGroups, ApplicationAccessDecision expected)
    {
        // Arrange
        var application = new PortalApplication { ClientId = "test", Status = status, AllowedGroups = Split(allowed) };

        // Act
        var decision = ApplicationAccessPolicy.Evaluate(application, Split(userGroups), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal(expected, decision);
    }

    private static List<string> Split(string value) => [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries)];
}
