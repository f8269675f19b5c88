using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Counters;

namespace GatewayPortal.Identity.Tests.Applications.Counters;

public sealed class WorkCounterValidatorTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private static readonly PortalApplication App = new()
    {
        Id = 7,
        ClientId = "sample-lob",
        LaunchUrl = "https://lob.example.go.kr/",
        RedirectUris = ["https://sso.example.go.kr:8443/signin-oidc"],
    };

    private static WorkCounterItem Item(string? url = null, string key = "approvals", long? value = 3, string? label = "결재 대기", string sub = "s-1", int? ttl = null) =>
        new() { Sub = sub, Key = key, Label = label, LabelEn = "Approvals", Value = value, Url = url, Ttl = ttl };

    [Fact]
    public void Validate_GoodItem_BecomesRowWithDefaultExpiry()
    {
        // Act
        var (rows, rejected) = WorkCounterValidator.Validate(App, new([Item("https://lob.example.go.kr/approvals?x=1")], null), Now);

        // Assert
        Assert.Empty(rejected);
        var (index, row) = Assert.Single(rows);
        Assert.Equal(0, index);
        Assert.Equal((7, "s-1", "approvals", "결재 대기", 3L), (row.ApplicationId, row.SubjectId, row.Key, row.LabelKo, row.Value));
        Assert.Equal(Now.AddHours(24), row.ExpiresUtc);
    }

    [Theory]
    [InlineData("https://evil.example.com/approvals")]
    [InlineData("http://lob.example.go.kr/approvals")]
    [InlineData("https://lob.example.go.kr:444/approvals")]
    [InlineData("https://lob.example.go.kr.evil.com/")]
    public void Validate_UrlOnAnotherOrigin_IsUrlNotAllowed(string url)
    {
        // Act
        var (rows, rejected) = WorkCounterValidator.Validate(App, new([Item(url)], null), Now);

        // Assert
        Assert.Empty(rows);
        Assert.Equal("url_not_allowed", Assert.Single(rejected).Error);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/approvals")]
    [InlineData("https://user:pw@lob.example.go.kr/")]
    public void Validate_UrlNotAbsoluteHttp_IsInvalidUrl(string url)
    {
        // Act
        var (_, rejected) = WorkCounterValidator.Validate(App, new([Item(url)], null), Now);

        // Assert
        Assert.Equal("invalid_url", Assert.Single(rejected).Error);
    }

    [Fact]
    public void Validate_UrlOnRedirectUriOrigin_IsAccepted()
    {
        // Act
        var (rows, rejected) = WorkCounterValidator.Validate(App, new([Item("https://sso.example.go.kr:8443/box")], null), Now);

        // Assert
        Assert.Empty(rejected);
        Assert.Single(rows);
    }

    [Theory]
    [InlineData("Approvals", 3L, "결재", "invalid_key")]
    [InlineData("a b", 3L, "결재", "invalid_key")]
    [InlineData("approvals", -1L, "결재", "invalid_value")]
    [InlineData("approvals", 1_000_001L, "결재", "invalid_value")]
    [InlineData("approvals", 3L, "", "invalid_label")]
    [InlineData("approvals", 3L, "결재대기결재대기결재대기결재대기결재대기결재대기결재대기결재대기결재대기결재대기결", "invalid_label")]
    public void Validate_BadField_IsRejectedWithItsCode(string key, long value, string label, string error)
    {
        // Act
        var (rows, rejected) = WorkCounterValidator.Validate(App, new([Item(key: key, value: value, label: label)], null), Now);

        // Assert
        Assert.Empty(rows);
        Assert.Equal(error, Assert.Single(rejected).Error);
    }

    [Fact]
    public void Validate_SameSubAndKeyTwice_LaterWinsEarlierReportedDuplicate()
    {
        // Act
        var (rows, rejected) = WorkCounterValidator.Validate(App, new([Item(value: 1), Item(key: "mail"), Item(value: 5)], null), Now);

        // Assert
        Assert.Equal([(2, 5L), (1, 3L)], rows.Select(r => (r.Index, r.Row.Value)).OrderByDescending(r => r.Item2).ToArray());
        var duplicate = Assert.Single(rejected);
        Assert.Equal((0, "duplicate"), (duplicate.Index, duplicate.Error));
    }

    [Fact]
    public void Validate_TtlOutOfRange_ItemRejectedAndRequestTtlThrows()
    {
        // Act
        var (_, rejected) = WorkCounterValidator.Validate(App, new([Item(ttl: 10)], null), Now);
        var requestTtl = Record.Exception(() => WorkCounterValidator.Validate(App, new([Item()], 8 * 24 * 3600), Now));

        // Assert
        Assert.Equal("invalid_ttl", Assert.Single(rejected).Error);
        Assert.IsType<WorkCounterRequestException>(requestTtl);
    }

    [Fact]
    public void Validate_RequestTtl_AppliesToItemsWithoutTheirOwn()
    {
        // Act
        var (rows, _) = WorkCounterValidator.Validate(App, new([Item(), Item(key: "mail", ttl: 120)], 3600), Now);

        // Assert
        Assert.Equal([Now.AddHours(1), Now.AddMinutes(2)], rows.Select(r => r.Row.ExpiresUtc).ToArray());
    }
}
