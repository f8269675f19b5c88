using GatewayPortal.Identity.Applications;

namespace GatewayPortal.Identity.Tests.Applications;

public sealed class MaintenanceEndTests
{
    // 12월 1일까지: the end of 1 December in Korea is 15:00 UTC.
    private static readonly DateTime Ends = new(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-11-30T09:00:00Z", ApplicationAccessDecision.Maintenance)]
    [InlineData("2026-12-01T14:59:59Z", ApplicationAccessDecision.Maintenance)]
    [InlineData("2026-12-01T15:00:00Z", ApplicationAccessDecision.Allowed)] // over at the end itself
    [InlineData("2026-12-07T00:00:00Z", ApplicationAccessDecision.Allowed)] // 12월 7일: no notice any more
    public void Evaluate_MaintenanceWithAnEnd_IsOverAfterIt(string now, ApplicationAccessDecision expected)
    {
        // Arrange
        var application = new PortalApplication { ClientId = "hr-health", Status = ApplicationStatus.Maintenance, MaintenanceEndsUtc = Ends };

        // Act
        var decision = ApplicationAccessPolicy.Evaluate(application, ["staff-all"], DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(expected, decision);
    }

    [Fact]
    public void EffectiveStatus_NoEnd_StaysInMaintenance()
    {
        // Arrange
        var application = new PortalApplication { Status = ApplicationStatus.Maintenance };

        // Act
        var status = application.EffectiveStatus(DateTimeOffset.MaxValue);

        // Assert
        Assert.Equal(ApplicationStatus.Maintenance, status);
    }

    [Fact]
    public void EffectiveStatus_RetiredWithAnOldEnd_StaysRetired()
    {
        // Arrange
        var application = new PortalApplication { Status = ApplicationStatus.Retired, MaintenanceEndsUtc = Ends };

        // Act
        var status = application.EffectiveStatus(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        // Assert
        Assert.Equal(ApplicationStatus.Retired, status);
    }
}
