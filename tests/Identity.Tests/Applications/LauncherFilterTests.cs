using GatewayPortal.Identity.Applications;

namespace GatewayPortal.Identity.Tests.Applications;

public sealed class LauncherFilterTests
{
    [Theory]
    [InlineData("인사관리", "ㅇㅅ", LauncherMatch.NameStart)] // the name's initials start with the typed initials
    [InlineData("인사 셀프서비스", "ㅇㅅ", LauncherMatch.NameStart)]
    [InlineData("파견·인사교류", "ㅇㅅ", LauncherMatch.WordStart)] // a later word (after ·) starts with them
    [InlineData("재난안전 상황관리", "ㅅㅎ", LauncherMatch.WordStart)]
    [InlineData("사이버 교육센터", "ㅇㅅ", LauncherMatch.InsideWord)] // 교[육센]터: inside a word
    [InlineData("인사관리", "인사", LauncherMatch.NameStart)]
    [InlineData("파견·인사교류", "인사", LauncherMatch.WordStart)]
    [InlineData("전자결재(온나라)", "온나라", LauncherMatch.WordStart)] // after a bracket
    [InlineData("전자결재(온나라)", "결재", LauncherMatch.InsideWord)]
    public void Rank_NameAndQuery_GivesHowItMatched(string name, string query, LauncherMatch expected)
    {
        // Arrange
        var application = App(name);

        // Act
        var rank = LauncherFilter.Rank(application, query);

        // Assert
        Assert.Equal(expected, rank);
    }

    [Theory]
    [InlineData("ㅇㄱ")] // initials must be contiguous
    [InlineData("급여")]
    [InlineData("")]
    [InlineData("  ")]
    public void Rank_NoMatchOrNoQuery_IsNull(string query)
    {
        // Arrange
        var application = App("인사관리");

        // Act
        var rank = LauncherFilter.Rank(application, query);

        // Assert
        Assert.Null(rank);
    }

    [Fact]
    public void Rank_DescriptionOnly_RanksBelowEveryNameMatch()
    {
        // Arrange
        var described = App("복무관리", descriptionKo: "인사 기록과 휴가");
        var inside = App("사이버 교육센터");

        // Act
        var description = LauncherFilter.Rank(described, "인사");
        var insideWord = LauncherFilter.Rank(inside, "ㅇㅅ");

        // Assert
        Assert.Equal(LauncherMatch.Description, description);
        Assert.True(insideWord < description);
    }

    [Fact]
    public void Rank_EnglishName_CountsAsAName()
    {
        // Arrange
        var application = App("전자결재(온나라)", nameEn: "e-Approval (On-nara)");

        // Act
        var rank = LauncherFilter.Rank(application, "on-NARA");

        // Assert
        Assert.Equal(LauncherMatch.WordStart, rank);
    }

    private static PortalApplication App(string nameKo, string nameEn = "App", string descriptionKo = "", string descriptionEn = "") =>
        new() { ClientId = "test", NameKo = nameKo, NameEn = nameEn, DescriptionKo = descriptionKo, DescriptionEn = descriptionEn };
}
