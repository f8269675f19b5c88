using GatewayPortal.Search.Tests.Support;

namespace GatewayPortal.Search.Tests.Querying;

/// <summary>Korean query handling in the core: particles on query words and compounds written with or without a space.</summary>
public sealed class SearchServiceKoreanTests
{
    [Fact]
    public void Search_WordWithParticle_FindsPageTitledWithTheStemFirst()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("page", "행정포털", "포털 이용 안내"),
            Docs.Make("typed", "공지", "새 행정포털을 열었습니다"),
            Docs.Make("other", "행정 자료", "포털 사이트와 행정 문서"));

        // Act
        var results = index.Search("행정포털을");

        // Assert: one round trip finds the bare word; the exact title comes first.
        Assert.Equal(["page", "typed"], results.Hits.Select(h => h.Id));
        Assert.Equal(2, results.TotalHits);
    }

    [Fact]
    public void Search_WordWithParticle_RanksTheTypedFormAboveTheStem()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("stem", "공지 A", "예산 편성 기준"),
            Docs.Make("typed", "공지 B", "예산의 편성 기준"));

        // Act
        var ids = index.Ids("예산의");

        // Assert
        Assert.Equal(["typed", "stem"], ids);
    }

    [Theory]
    [InlineData("나이", "age")] // 이 belongs to the word: 나 alone must not match
    [InlineData("회의", "meeting")] // 의 belongs to the word
    [InlineData("과", "section")] // one syllable stays a unigram
    public void Search_WordEndingInParticleSyllable_IsNotStripped(string query, string expected)
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("age", "나이 제한", "연령 기준"),
            Docs.Make("meeting", "회의 일정", "주간 일정"),
            Docs.Make("section", "총무과 안내", "부서 소개"),
            Docs.Make("alone", "나 홀로", "회 계 자료"));

        // Act
        var ids = index.Ids(query);

        // Assert
        Assert.Equal([expected], ids);
    }

    [Fact]
    public void Search_CompoundWithoutSpace_FindsTheSpacedFormRankedBelow()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("spaced", "민원 신청 안내", "민원 신청 방법"),
            Docs.Make("compound", "민원신청 안내", "민원신청 방법"),
            Docs.Make("apart", "민원 처리 안내", "나중에 신청 방법"));

        // Act
        var results = index.Search("민원신청");

        // Assert
        Assert.Equal(["compound", "spaced"], results.Hits.Select(h => h.Id));
        Assert.Equal(2, results.TotalHits);
    }

    [Fact]
    public void Search_SpacedWords_FindTheCompound()
    {
        // Arrange
        using var index = new TestIndex().With(Docs.Make("compound", "민원신청 안내", "방법"), Docs.Make("other", "민원 안내", "방법"));

        // Act
        var ids = index.Ids("민원 신청");

        // Assert
        Assert.Equal(["compound"], ids);
    }

    [Fact]
    public void Search_QuotedPhrase_FindsTheWordsJoinedOrApartButNotWithAWordBetween()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("apart", "안내", "민원 신청 방법"),
            Docs.Make("joined", "안내", "민원신청 방법"),
            Docs.Make("inside", "안내", "주민원 신청서 양식"),
            Docs.Make("punctuated", "안내", "민원, 신청 순서"),
            Docs.Make("between", "안내", "민원 처리 신청"),
            Docs.Make("reversed", "안내", "신청 민원"));

        // Act
        var ids = index.Ids("\"민원 신청\"");

        // Assert: the same documents as a phrase of the words' bigrams.
        Assert.Equal(["apart", "inside", "joined", "punctuated"], ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("\"수 있다\"", "apart,joined,inside")] // a one-syllable word joined to the next or apart
    [InlineData("2024년", "year,years")] // a syllable after digits starts a run: 2024년도 as well as 2024년
    [InlineData("\"신청 양식\"", "form")]
    public void Search_PhraseWithOneSyllableWord_FindsItJoinedOrApart(string query, string expected)
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("apart", "안내", "할 수 있다"),
            Docs.Make("joined", "안내", "할수있다"),
            Docs.Make("inside", "안내", "볼수있다고"),
            Docs.Make("other", "안내", "수 없이 있다"),
            Docs.Make("year", "2024년 예산", "편성"),
            Docs.Make("years", "2024년도 예산", "편성"),
            Docs.Make("form", "신청 양식", "내려받기"));

        // Act
        var ids = index.Ids(query);

        // Assert
        Assert.Equal(expected.Split(',').Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_WordOfSevenSyllables_FoundInsideALongerWordButNotFromScatteredParts()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("inside", "점검", "서울시전자결재시스템을 점검합니다"),
            Docs.Make("scattered", "점검", "전자결재 문서와 재시스템 교체"),
            Docs.Make("overlapping", "점검", "전자결재시 스템"));

        // Act
        var ids = index.Ids("전자결재시스템");

        // Assert
        Assert.Equal(["inside"], ids);
    }

    [Fact]
    public void Search_LongCompoundWithoutSpace_FindsItSplitAtTheMiddleWord()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("spaced", "전자결재 시스템 점검", "안내"),
            Docs.Make("compound", "전자결재시스템 점검", "안내"),
            Docs.Make("other", "전자결재 점검", "새 시스템 안내"));

        // Act
        var ids = index.Ids("전자결재시스템");

        // Assert
        Assert.Equal(["compound", "spaced"], ids);
    }
}
