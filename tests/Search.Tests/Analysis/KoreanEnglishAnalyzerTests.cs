using GatewayPortal.Search.Analysis;

namespace GatewayPortal.Search.Tests.Analysis;

public sealed class KoreanEnglishAnalyzerTests
{
    private static string Terms(bool queryMode, string text)
    {
        using var analyzer = new KoreanEnglishAnalyzer(queryMode);
        return string.Join(' ', analyzer.Tokenize("body", text).Select(t => $"{t.Term}@{t.Position}"));
    }

    [Theory]
    [InlineData("행정포털을", "행정@0 행@0 행정포@0 행정포털@0 정포@1 정포털@1 정포털을@1 포털@2 포털을@2 털을@3 을@4")] // bigram, 3- and 4-grams stacked per syllable; unigrams of the first and last
    [InlineData("구", "구@0")] // a single syllable stays a unigram
    [InlineData("GIS시스템", "gis@0 시스@1 시@1 시스템@1 스템@2 템@3")] // split at the script boundary
    [InlineData("Systems running", "system@0 run@1")] // lower-case + Porter
    [InlineData("2024년 예산", "2024@0 년@1 예산@2 예@2 산@3")] // digits kept, split from Hangul; no cross gram after one syllable
    [InlineData("민원 신청", "민원@0 민@0 원@1 {cross}@1 신청@2 신@2 청@3")] // cross gram on the first run's last syllable
    [InlineData("민원,  신청", "민원@0 민@0 원@1 {cross}@1 신청@2 신@2 청@3")] // whatever separates the runs
    [InlineData("민원 abc 신청", "민원@0 민@0 원@1 abc@2 신청@3 신@3 청@4")] // not across another word
    [InlineData("ＧＩＳ", "gis@0")] // full-width Latin folded
    public void Tokenize_IndexMode_EmitsGramsUnigramsCrossGramsAndStems(string text, string expected)
    {
        // Act
        var actual = Terms(queryMode: false, text);

        // Assert
        Assert.Equal(expected.Replace("{cross}", HangulGramFilter.CrossGram("민원", "신청"), StringComparison.Ordinal), actual);
    }

    [Theory]
    [InlineData("행정포털", "행정@0 정포@1 포털@2")] // bigrams only, as a phrase
    [InlineData("행정 포털", "행정@0 포털@2")] // next word skips the last syllable's position, as in the index
    [InlineData("청", "청@0")] // one syllable queries the unigram
    [InlineData("GIS시스템", "gis@0 시스@1 스템@2")]
    public void Tokenize_QueryMode_EmitsBigramsAlignedWithIndexPositions(string text, string expected)
    {
        // Act
        var actual = Terms(queryMode: true, text);

        // Assert
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Tokenize_LongFieldThenShortField_ReadsEachWholeWithTheReusedBuffer()
    {
        // Arrange: the tokenizer keeps its read buffer from one field to the next, and drops it after a huge one.
        using var analyzer = KoreanEnglishAnalyzer.ForIndex();
        var huge = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => $"word{i}")) + " 마지막";

        // Act
        var first = analyzer.Tokenize("body", huge);
        var second = analyzer.Tokenize("body", "짧은 글");
        var third = analyzer.Tokenize("body", "abc");

        // Assert
        Assert.Equal(20_003, first.Select(t => t.Position).Distinct().Count());
        Assert.Contains(first, t => t is { Term: "마지막", Position: 20_000 });
        Assert.Equal(huge.Length, first[^1].End);
        Assert.Equal(["짧은", "짧", "은", "글"], second.Select(t => t.Term));
        Assert.Equal(["abc"], third.Select(t => t.Term));
    }

    [Fact]
    public void CrossGram_SameSyllables_SameBucketInEveryProcess()
    {
        // Act
        var bucket = HangulGramFilter.CrossGram("민원", "신청");

        // Assert: pinned, because indexes on disk hold it (a change needs a new schema version).
        Assert.Equal("\u000164a5", bucket);
        Assert.NotEqual(bucket, HangulGramFilter.CrossGram("민원", "신고"));
    }

    [Fact]
    public void Tokenize_HangulGrams_CarryCharacterOffsets()
    {
        // Arrange
        using var analyzer = KoreanEnglishAnalyzer.ForIndex();

        // Act
        var tokens = analyzer.Tokenize("body", "새 행정포털");

        // Assert
        var portal = Assert.Single(tokens, t => t.Term == "포털");
        Assert.Equal((4, 6), (portal.Start, portal.End));
    }
}
