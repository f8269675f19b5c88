using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Tests.Titles;

public sealed class WikiTitleTests
{
    [Theory]
    [InlineData("민원 안내", "", "민원 안내", "민원_안내")] // Hangul kept, space → '_' (MediaWiki)
    [InlineData("  민원__안내  ", "", "민원 안내", "민원_안내")] // underscores are spaces; runs collapse; trimmed
    [InlineData("Budget 2026", "", "Budget 2026", "Budget_2026")]
    [InlineData("hr:급여 지급", "", "급여 지급", "hr:급여_지급")] // space prefix
    [InlineData("HR:급여", "", "급여", "hr:급여")] // space keys are lower-case
    [InlineData("회의: 3월", "", "회의: 3월", "회의:_3월")] // a Hangul prefix is not a space key
    [InlineData("Note to self: hi", "", "Note to self: hi", "Note_to_self:_hi")] // a prefix with spaces is not a space key
    [InlineData(":Re:Zero", "hr", "Re:Zero", ":Re:Zero")] // leading colon: main space, slug keeps it unambiguous
    [InlineData("연말정산", "hr", "연말정산", "hr:연말정산")] // unprefixed titles land in the current space
    public void TryParse_ValidTitle_NormalisesNameAndSlug(string input, string currentSpace, string expectedName, string expectedSlug)
    {
        // Act
        var ok = WikiTitle.TryParse(input, currentSpace, out var title, out var error);

        // Assert
        Assert.True(ok);
        Assert.Equal(WikiTitleError.None, error);
        Assert.Equal(expectedName, title!.Name);
        Assert.Equal(expectedSlug, title.Slug);
    }

    [Fact]
    public void TryParse_DecomposedHangul_IsNfcNormalised()
    {
        // Arrange: 한 as conjoining jamo (NFD)
        var decomposed = "\u1112\u1161\u11AB글";

        // Act
        WikiTitle.TryParse(decomposed, "", out var title, out _);

        // Assert
        Assert.Equal("한글", title!.Name);
    }

    [Theory]
    [InlineData("", WikiTitleError.Empty)]
    [InlineData("   ", WikiTitleError.Empty)]
    [InlineData("hr:", WikiTitleError.Empty)]
    [InlineData("a[b", WikiTitleError.ForbiddenCharacter)]
    [InlineData("a|b", WikiTitleError.ForbiddenCharacter)]
    [InlineData("a#b", WikiTitleError.ForbiddenCharacter)]
    [InlineData("<script>", WikiTitleError.ForbiddenCharacter)]
    [InlineData("2026/03 회의", WikiTitleError.ForbiddenCharacter)] // '/' reserved for routes like /wiki/{slug}/history
    [InlineData("a\tb", WikiTitleError.ControlCharacter)]
    [InlineData("a\u0000b", WikiTitleError.ControlCharacter)]
    [InlineData("line\nbreak", WikiTitleError.ControlCharacter)]
    public void TryParse_InvalidTitle_ReturnsErrorCode(string input, WikiTitleError expected)
    {
        // Act
        var ok = WikiTitle.TryParse(input, "", out var title, out var error);

        // Assert
        Assert.False(ok);
        Assert.Null(title);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_TitleOverMaxLength_IsTooLong()
    {
        Assert.True(WikiTitle.TryParse(new string('가', WikiTitle.MaxLength), "", out _, out _));
        Assert.False(WikiTitle.TryParse(new string('가', WikiTitle.MaxLength + 1), "", out _, out var error));
        Assert.Equal(WikiTitleError.TooLong, error);
    }

    [Fact]
    public void TryParse_InvalidCurrentSpace_IsInvalidSpace()
    {
        Assert.False(WikiTitle.TryParse("문서", "정보통신과", out _, out var error));
        Assert.Equal(WikiTitleError.InvalidSpace, error);
    }

    [Theory]
    [InlineData("민원 안내")]
    [InlineData("hr:급여 지급")]
    [InlineData(":Re:Zero")]
    public void Parse_Slug_RoundTripsToSameTitle(string input)
    {
        // Arrange
        var title = WikiTitle.Parse(input);

        // Act
        var fromSlug = WikiTitle.Parse(title.Slug);
        WikiTitle.TryParse(title.LinkTarget, "other", out var fromLink, out _);

        // Assert
        Assert.Equal(title, fromSlug);
        Assert.Equal(title, fromLink);
    }
}
