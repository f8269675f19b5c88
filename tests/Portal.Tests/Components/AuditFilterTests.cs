using GatewayPortal.Identity.Audit;
using GatewayPortal.Portal.Components.Pages.Admin;

namespace GatewayPortal.Portal.Tests.Components;

public sealed class AuditFilterTests
{
    [Fact]
    public void Parse_ValidFilters_BuildsQueryWithKstDayBoundsInUtc()
    {
        // Act
        var result = AuditFilter.Parse(" kim ", "Failed", "10.0.0.1", "2026-11-23", "2026-11-23", "3");

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal("kim", result.Query.Login);
        Assert.Equal(SignInOutcome.Failed, result.Query.Outcome);
        Assert.Equal("10.0.0.1", result.Query.IpAddress);
        // 2026-11-23 00:00 in Seoul (UTC+9) is 2026-11-22 15:00 UTC; "to" is the end of that day.
        Assert.Equal(new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc), result.Query.FromUtc);
        Assert.Equal(new DateTime(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc), result.Query.ToUtc);
        Assert.Equal(3, result.Query.Page);
    }

    [Theory]
    [InlineData(null, null, null, "2026-13-01", null, "InvalidDate")]
    [InlineData(null, null, null, null, "23.11.2026", "InvalidDate")]
    [InlineData(null, "Hacked", null, null, null, "InvalidOutcome")]
    [InlineData(null, "1", null, null, null, "InvalidOutcome")] // numeric enum values are not accepted
    [InlineData(null, null, "999.1.1.1", null, null, "InvalidIp")]
    public void Parse_BadValue_ReportsItsResourceKey(string? user, string? outcome, string? ip, string? from, string? to, string expectedKey)
    {
        var result = AuditFilter.Parse(user, outcome, ip, from, to, null);

        Assert.Equal(expectedKey, Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("0", 1)]
    [InlineData("-4", 1)]
    [InlineData("abc", 1)]
    [InlineData("99999999999", 1)]
    [InlineData("7", 7)]
    public void Parse_PageNumber_FallsBackToFirstPageWhenInvalid(string? page, int expected)
    {
        Assert.Equal(expected, AuditFilter.Parse(null, null, null, null, null, page).Query.Page);
    }

    [Fact]
    public void Parse_OverlongUser_IsCutToTheStoredLength()
    {
        var result = AuditFilter.Parse(new string('x', 1000), null, null, null, null, null);

        Assert.Equal(SignInAuditEntry.MaxLoginLength, result.Query.Login!.Length);
    }
}
