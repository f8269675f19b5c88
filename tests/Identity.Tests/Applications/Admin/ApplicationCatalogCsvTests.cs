using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Admin;

namespace GatewayPortal.Identity.Tests.Applications.Admin;

public sealed class ApplicationCatalogCsvTests
{
    private static readonly ApplicationSeedEntry Sample = new()
    {
        ClientId = "hr-test",
        NameKo = "인사, \"테스트\"",
        NameEn = "HR test",
        DescriptionKo = "줄\n바꿈",
        DescriptionEn = "desc",
        Category = "hr",
        Icon = "people",
        LaunchUrl = "https://hr-test.apps.cityhall.example/",
        RedirectUris = ["https://hr-test.apps.cityhall.example/a", "https://hr-test.apps.cityhall.example/b"],
        AllowedGroups = ["role-hr", "role-finance"],
        OwnerDepartment = "인사과",
        OwnerContact = "인사과 02-2133-1000",
    };

    [Fact]
    public void Write_ThenRead_RoundTripsQuotesCommasLineBreaksAndLists()
    {
        // Arrange
        var csv = ApplicationCatalogCsv.Write([Sample, Sample with { ClientId = "hr-test-2" }]);

        // Act
        var (rows, errors) = ApplicationCatalogCsv.Read(csv);

        // Assert
        Assert.Empty(errors);
        Assert.Equal([2, 4], rows.Select(r => r.Line));
        var entry = rows[0].Entry;
        Assert.Equal(Sample.NameKo, entry.NameKo);
        Assert.Equal(Sample.DescriptionKo, entry.DescriptionKo);
        Assert.Equal(Sample.RedirectUris, entry.RedirectUris);
        Assert.Equal(Sample.AllowedGroups, entry.AllowedGroups);
        Assert.Empty(entry.PostLogoutRedirectUris);
        Assert.Null(entry.BackChannelLogoutUri);
        Assert.Equal(Sample.GrantTypes, entry.GrantTypes);
    }

    [Fact]
    public void Write_ThenRead_CarriesTheTokenOptions()
    {
        // Arrange
        var csv = ApplicationCatalogCsv.Write([Sample with { IdTokenSignedResponseAlg = "RS256", EncryptAccessTokens = true }]);

        // Act
        var (rows, errors) = ApplicationCatalogCsv.Read(csv);

        // Assert
        Assert.Empty(errors);
        Assert.Equal(("RS256", true), (rows[0].Entry.IdTokenSignedResponseAlg, rows[0].Entry.EncryptAccessTokens));
    }

    [Fact]
    public void Read_FileWithoutTokenOptionColumns_LeavesThemUnstated()
    {
        // Arrange: an export from before issue #18.
        var csv = "clientId,nameKo\r\nhr-test,인사\r\n";

        // Act
        var (rows, errors) = ApplicationCatalogCsv.Read(csv);

        // Assert
        Assert.Empty(errors);
        Assert.Null(rows[0].Entry.IdTokenSignedResponseAlg);
        Assert.Null(rows[0].Entry.EncryptAccessTokens);
    }

    [Fact]
    public void Read_EncryptAccessTokensNotTrueOrFalse_NamesTheColumn()
    {
        // Arrange
        var csv = "clientId,encryptAccessTokens\r\nhr-test,yes\r\n";

        // Act
        var (rows, errors) = ApplicationCatalogCsv.Read(csv);

        // Assert
        Assert.Empty(rows);
        var error = Assert.Single(errors);
        Assert.Equal((2, "encryptAccessTokens"), (error.Line, error.Error.Field));
    }

    [Fact]
    public void Write_CellsThatSpreadsheetsRunAsFormulas_AreNeutralisedAndReadBackUnchanged()
    {
        // Arrange
        var hostile = Sample with { NameKo = "=HYPERLINK(\"http://evil.example\",\"인사\")", NameEn = "+1", DescriptionEn = "-2", OwnerContact = "@SUM(A1)" };

        // Act
        var csv = ApplicationCatalogCsv.Write([hostile]);
        var (rows, errors) = ApplicationCatalogCsv.Read(csv);

        // Assert
        var dataLine = csv.Split("\r\n")[1];
        Assert.Contains("\"'=HYPERLINK(", dataLine, StringComparison.Ordinal);
        Assert.Contains(",'+1,", dataLine, StringComparison.Ordinal);
        Assert.Contains(",'-2,", dataLine, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(A1),", dataLine, StringComparison.Ordinal);
        Assert.Empty(errors);
        var entry = Assert.Single(rows).Entry;
        Assert.Equal(hostile.NameKo, entry.NameKo);
        Assert.Equal("+1", entry.NameEn);
        Assert.Equal("-2", entry.DescriptionEn);
        Assert.Equal("@SUM(A1)", entry.OwnerContact);
    }

    [Theory]
    [InlineData("clientId,nameKo\r\nok,\"unclosed\r\n", 2, "not closed")] // a quote left open swallows the rest of the file
    [InlineData("clientId,nameKo\r\na,b\r\nc\r\n", 3, "has 1 fields")] // a short row, not silently padded
    [InlineData("clientId,colour\r\na,b\r\n", 1, "unknown columns colour")] // a misspelt header
    [InlineData("nameKo\r\n이름\r\n", 1, "clientId column")] // rows without ids cannot be matched
    [InlineData("clientId,nameKo\r\n\"a\"b,c\r\n", 2, "after a closing quote")]
    public void Read_MalformedFile_ReportsTheLine(string csv, int line, string problem)
    {
        // Act
        var (_, errors) = ApplicationCatalogCsv.Read(csv);

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ByteOrderMarkAndBlankLastLine_AreIgnored()
    {
        // Act
        var (rows, errors) = ApplicationCatalogCsv.Read("\uFEFFclientId,nameKo\na,가\n\n");

        // Assert
        Assert.Empty(errors);
        Assert.Equal("a", Assert.Single(rows).Entry.ClientId);
    }
}
