using System.Text;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Portal.Audit;
using GatewayPortal.Portal.Components.Pages.Admin;

namespace GatewayPortal.Portal.Tests.Components;

/// <summary>The audit CSV (BOM, RFC 4180, formula guard), the admin audit filter, the before/after diff and the retention setting.</summary>
public sealed class AdminAuditExportTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("김민수, 인사과", "\"김민수, 인사과\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+82-2-1234", "'+82-2-1234")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cell_QuotesAndGuardsAgainstFormulas(string? value, string expected) =>
        Assert.Equal(expected, AuditCsv.Cell(value));

    [Fact]
    public async Task WriteAsync_StartsWithBomThenHeaderAndCrLfRowsInUtf8()
    {
        // Arrange
        using var body = new MemoryStream();
        var rows = new[] { new[] { "박지훈", "=cmd" }, new[] { "a,b", null } }.ToAsyncEnumerable();

        // Act
        await AuditCsv.WriteAsync(body, ["관리자", "요약"], rows, r => r, TestContext.Current.CancellationToken);

        // Assert
        var bytes = body.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Equal("관리자,요약\r\n박지훈,'=cmd\r\n\"a,b\",\r\n", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public void Filter_ValidValues_BuildQueryWithKstDayBounds()
    {
        // Act
        var result = AdminAuditFilter.Parse(" park ", "application.update", "application", " hr ", "2026-11-23", "2026-11-24", "2");

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal(("park", "application.update", "application", "hr"), (result.Query.Actor, result.Query.Action, result.Query.TargetType, result.Query.Target));
        Assert.Equal(new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc), result.Query.FromUtc);
        Assert.Equal(new DateTime(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc), result.Query.ToUtc);
        Assert.Equal(2, result.Query.Page);
    }

    [Theory]
    [InlineData("drop.table", null, null, null, "AdminAuditInvalidAction")]
    [InlineData(null, "planet", null, null, "AdminAuditInvalidTargetType")]
    [InlineData(null, null, "2026-02-30", null, "InvalidDate")]
    [InlineData(null, null, "yesterday", null, "InvalidDate")]
    [InlineData(null, null, "0001-01-01", null, "InvalidDate")]
    [InlineData(null, null, "2026-12-01", "2026-11-01", "AdminAuditInvalidRange")]
    public void Filter_BadValue_ReportsItsResourceKey(string? action, string? type, string? from, string? to, string key) =>
        Assert.Equal([key], AdminAuditFilter.Parse(null, action, type, null, from, to, null).Errors);

    [Fact]
    public void Filter_OverlongText_IsCutAndBadPageFallsBackToFirst()
    {
        // Act
        var result = AdminAuditFilter.Parse(new string('a', 5000), null, null, new string('b', 5000), null, null, "-3");

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal(AdminAuditFilter.MaxTextLength, result.Query.Actor!.Length);
        Assert.Equal(AdminAuditFilter.MaxTextLength, result.Query.Target!.Length);
        Assert.Equal(1, result.Query.Page);
    }

    [Fact]
    public void Diff_ListsEveryFieldOnceAndMarksOnlyChangedOnes()
    {
        // Act
        var rows = AdminAuditDiff.Of("""{"nameKo":"인사","groups":["a","b"],"old":1}""", """{"nameKo":"인사 (개편)","groups":["a","b"],"new":true}""");

        // Assert
        Assert.Equal(["nameKo", "groups", "old", "new"], rows.Select(r => r.Field));
        Assert.Equal(new AdminAuditDiffRow("nameKo", "인사", "인사 (개편)"), rows[0]);
        Assert.Equal("a, b", rows[1].After);
        Assert.Equal([true, false, true, true], rows.Select(r => r.Changed));
    }

    [Fact]
    public void Diff_CreatedTarget_HasEmptyBefore()
    {
        // Act
        var rows = AdminAuditDiff.Of(null, """{"key":"welfare"}""");

        // Assert
        Assert.Equal(new AdminAuditDiffRow("key", "", "welfare"), Assert.Single(rows));
    }

    [Theory]
    [InlineData(730, true)]
    [InlineData(365, true)]
    [InlineData(3650, true)]
    [InlineData(364, false)]
    [InlineData(30, false)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    public void RetentionDays_BelowOneYear_FailsNamingTheKey(int days, bool valid)
    {
        // Act
        var result = new AuditOptionsValidator().Validate(null, new AuditOptions { RetentionDays = days });

        // Assert
        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Audit:RetentionDays", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("365", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RetentionDays_Default_IsTwoYears() => Assert.Equal(730, new AuditOptions().RetentionDays);
}
