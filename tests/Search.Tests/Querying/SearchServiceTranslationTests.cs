using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Querying;
using GatewayPortal.Search.Tests.Support;

namespace GatewayPortal.Search.Tests.Querying;

/// <summary>Issue 16: a system's result mixed its English description into the Korean page.</summary>
public sealed class SearchServiceTranslationTests
{
    private static SearchDocument MeetingRooms() => Docs.Make("app", "회의실 예약", "청사 회의실과 화상회의 예약") with
    {
        Breadcrumb = "문서·결재",
        Translations = new Dictionary<string, SearchTranslation>(StringComparer.Ordinal)
        {
            ["en"] = new("Meeting Rooms", "Book meeting rooms and video conferences", "Documents & approval"),
        },
    };

    [Theory]
    [InlineData(null)]
    [InlineData("ko")]
    [InlineData("fr")] // no French translation: the item's own text
    public void Search_ReaderOfTheItemsLanguage_SeesOnlyItsOwnText(string? language)
    {
        // Arrange
        using var index = new TestIndex().With(MeetingRooms());

        // Act
        var hit = Assert.Single(index.Service.Search(new SearchRequest("회의실", [SearchPrincipals.Everyone]) { Language = language }).Hits);

        // Assert
        Assert.Equal("회의실 예약", hit.Title);
        Assert.Equal("문서·결재", hit.Breadcrumb);
        Assert.Equal("청사 회의실과 화상회의 예약", string.Concat(hit.Snippet.Select(s => s.Text)));
    }

    [Fact]
    public void Search_EnglishReader_SeesTheEnglishTextOnly()
    {
        // Arrange
        using var index = new TestIndex().With(MeetingRooms());

        // Act: a Korean word finds the item for an English reader, who sees its English text.
        var hit = Assert.Single(index.Service.Search(new SearchRequest("회의실", [SearchPrincipals.Everyone]) { Language = "en" }).Hits);

        // Assert
        Assert.Equal("Meeting Rooms", hit.Title);
        Assert.Equal("Documents & approval", hit.Breadcrumb);
        Assert.Equal("Book meeting rooms and video conferences", string.Concat(hit.Snippet.Select(s => s.Text)));
    }

    [Theory]
    [InlineData("video conferences")]
    [InlineData("meeting room")]
    public void Search_EnglishWords_FindTheItemButAKoreanReaderSeesNoEnglish(string query)
    {
        // Arrange
        using var index = new TestIndex().With(MeetingRooms());

        // Act
        var hit = Assert.Single(index.Service.Search(new SearchRequest(query, [SearchPrincipals.Everyone]) { Language = "ko" }).Hits);

        // Assert
        Assert.Equal("회의실 예약", hit.Title);
        Assert.DoesNotContain(hit.Snippet, s => s.Text.Contains("video", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Search_TranslationWithoutBody_FallsBackToTheItemsOwnBody()
    {
        // Arrange
        using var index = new TestIndex().With(MeetingRooms() with
        {
            Translations = new Dictionary<string, SearchTranslation>(StringComparer.Ordinal) { ["en"] = new("Meeting Rooms", null) },
        });

        // Act
        var hit = Assert.Single(index.Service.Search(new SearchRequest("회의실", [SearchPrincipals.Everyone]) { Language = "en" }).Hits);

        // Assert
        Assert.Equal("Meeting Rooms", hit.Title);
        Assert.Equal("문서·결재", hit.Breadcrumb);
        Assert.Contains("청사", string.Concat(hit.Snippet.Select(s => s.Text)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EN")]
    [InlineData("e")]
    [InlineData("en-US")]
    public void Upsert_TranslationWithABadLanguageTag_IsRefused(string language)
    {
        // Arrange
        using var index = new TestIndex();
        var document = MeetingRooms() with
        {
            Translations = new Dictionary<string, SearchTranslation>(StringComparer.Ordinal) { [language] = new("x", "y") },
        };

        // Act and Assert
        Assert.Throws<ArgumentException>(() => index.Index.Upsert([document]));
    }
}
