using GatewayPortal.Portal.Search;

namespace GatewayPortal.Portal.Tests.Search;

public sealed class KoreanParticlesTests
{
    [Theory]
    [InlineData("회의실을", "회의실")] // object particle
    [InlineData("행정포털의 안내", "행정포털 안내")] // possessive, only the word that has one
    [InlineData("서울시청에서", "서울시청")] // two-syllable particle wins over 서
    [InlineData("인사를 급여를", "인사 급여")]
    [InlineData("회의", null)] // too short: 의 is part of the word
    [InlineData("회의실", null)] // no particle at the end
    [InlineData("meeting", null)] // Latin words are left alone
    [InlineData("site:wiki 규정을", "site:wiki 규정")] // operators are not Hangul words
    [InlineData("", null)]
    public void Strip_Query_RemovesOneTrailingParticlePerHangulWord(string query, string? expected)
    {
        // Act
        var stripped = KoreanParticles.Strip(query);

        // Assert
        Assert.Equal(expected, stripped);
    }
}
