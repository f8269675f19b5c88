using GatewayPortal.Search.Analysis;
using GatewayPortal.Search.Querying;
using GatewayPortal.Search.Snippets;

namespace GatewayPortal.Search.Tests.Snippets;

public sealed class SnippetBuilderTests : IDisposable
{
    private readonly KoreanEnglishAnalyzer _indexAnalyzer = KoreanEnglishAnalyzer.ForIndex();
    private readonly KoreanEnglishAnalyzer _queryAnalyzer = KoreanEnglishAnalyzer.ForQuery();

    private IReadOnlyList<SnippetSegment> Build(string body, string query)
    {
        var terms = new LuceneQueryBuilder(_queryAnalyzer).HighlightTerms(UserQueryParser.Parse(query));
        return new SnippetBuilder(_indexAnalyzer).Build(body, terms);
    }

    private static string Render(IReadOnlyList<SnippetSegment> segments) =>
        string.Concat(segments.Select(s => s.Highlighted ? $"[{s.Text}]" : s.Text));

    [Fact]
    public void Build_KoreanTermInsideWordWithParticle_HighlightsOnlyTheTerm()
    {
        // Act
        var segments = Build("오늘부터 행정포털을 통해 신청하세요.", "행정포털");

        // Assert
        Assert.Equal("오늘부터 [행정포털]을 통해 신청하세요.", Render(segments));
    }

    [Fact]
    public void Build_OneSyllable_HighlightedOnlyWhereItStartsAWord()
    {
        // Act: 구 opens 구청, but inside 종로구청 and at the end of 종로구 it is a piece of another word (issue 16).
        var segments = Build("구청 안내: 종로구청과 종로구", "구");

        // Assert
        Assert.Equal("[구]청 안내: 종로구청과 종로구", Render(segments));
    }

    [Fact]
    public void Build_EnglishStem_HighlightsInflectedForms()
    {
        // Act
        var segments = Build("Systems fail; the system recovers.", "system");

        // Assert
        Assert.Equal("[Systems] fail; the [system] recovers.", Render(segments));
    }

    [Fact]
    public void Build_LongBody_CentresWindowOnMatchesWithEllipses()
    {
        // Arrange
        var filler = string.Concat(Enumerable.Repeat("일반 업무 내용입니다. ", 40));
        var body = filler + "여기에 예산 결산 자료가 있습니다. " + filler;

        // Act
        var segments = Build(body, "예산 결산");
        var text = Render(segments);

        // Assert
        Assert.StartsWith("…", text, StringComparison.Ordinal);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
        Assert.Contains("[예산] [결산]", text, StringComparison.Ordinal);
        Assert.InRange(text.Length, 100, 215);
    }

    [Fact]
    public void Build_NoMatch_ReturnsLeadingTextUnhighlighted()
    {
        // Act
        var segments = Build("짧은 본문", "교통");

        // Assert
        var only = Assert.Single(segments);
        Assert.Equal(new SnippetSegment("짧은 본문", false), only);
    }

    [Fact]
    public void Build_MarkupInBody_IsReturnedAsPlainText()
    {
        // Act
        var segments = Build("<script>alert(1)</script> 포털", "포털");

        // Assert
        Assert.Equal([new SnippetSegment("<script>alert(1)</script> ", false), new SnippetSegment("포털", true)], segments);
    }

    [Fact]
    public void Build_KoreanAndEnglishWordsTogether_HighlightsBoth()
    {
        // Act: the Korean word is found in the text, the English one through its analysed stem.
        var segments = Build("보안 점검 결과: Policies 개정, 보안정책 검토", "보안 policy");

        // Assert
        Assert.Equal("[보안] 점검 결과: [Policies] 개정, [보안]정책 검토", Render(segments));
    }

    [Fact]
    public void Build_RepeatedSyllables_HighlightsTheWordStartOnly()
    {
        // Act: 하하 starts 하하하 (its second occurrence there starts no word), and is not found across the space of 하 하.
        var segments = Build("하하하 웃음, 하 하 끝", "하하");

        // Assert
        Assert.Equal("[하하]하 웃음, 하 하 끝", Render(segments));
    }

    [Theory]
    [InlineData("설치하면 확인 창이 뜹니다.", "실행합니다")] // 니다 of the query is not marked in 뜹니다 (issue 16)
    [InlineData("전체 스크린 화면을 캡처하세요.", "스크립트")] // 스크 of the query is not marked in 스크린 (issue 16)
    [InlineData("설치하면 확인 창이 뜹니다. 전체 스크린 화면", "스크립트 실행합니다")]
    public void Build_QueryBigramInsideUnrelatedWord_IsNotMarked(string body, string query)
    {
        // Act
        var segments = Build(body, query);

        // Assert
        Assert.DoesNotContain(segments, s => s.Highlighted);
        Assert.Equal(body, Render(segments));
    }

    [Fact]
    public void Build_WholeQueryWords_AreMarked()
    {
        // Act
        var segments = Build("스크립트를 실행합니다. 창이 뜹니다.", "스크립트 실행합니다");

        // Assert
        Assert.Equal("[스크립트]를 [실행합니다]. 창이 뜹니다.", Render(segments));
    }

    [Theory]
    [InlineData("출장 신청서를 제출합니다.", "신청", "출장 [신청]서를 제출합니다.")] // the word followed by what attaches to it
    [InlineData("출장 신청서는 부서장이 결재합니다.", "신청서를", "출장 [신청서]는 부서장이 결재합니다.")] // the stem of the query word
    [InlineData("서울행정포털 안내", "행정포털", "서울[행정포털] 안내")] // a long word inside a compound, as the index found it
    [InlineData("민원 신청 안내", "민원신청", "[민원 신청] 안내")] // a compound typed whole, written apart
    public void Build_WordOrStemMatch_IsMarked(string body, string query, string expected)
    {
        // Act
        var segments = Build(body, query);

        // Assert
        Assert.Equal(expected, Render(segments));
    }

    public void Dispose()
    {
        _indexAnalyzer.Dispose();
        _queryAnalyzer.Dispose();
    }
}
