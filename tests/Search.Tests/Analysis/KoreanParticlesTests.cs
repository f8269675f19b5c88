using GatewayPortal.Search.Analysis;

namespace GatewayPortal.Search.Tests.Analysis;

public sealed class KoreanParticlesTests
{
    [Theory]
    [InlineData("회의실을", "회의실")] // object particle
    [InlineData("행정포털의", "행정포털")] // possessive
    [InlineData("서울시청에서", "서울시청")] // two-syllable particle wins over 서
    [InlineData("인사를", "인사")]
    [InlineData("회의", null)] // too short: 의 is part of the word
    [InlineData("나이", null)] // 이 is part of the word
    [InlineData("과", null)] // one syllable
    [InlineData("회의실", null)] // no particle at the end
    [InlineData("meeting", null)] // Latin words are left alone
    [InlineData("GIS시스템을", null)] // mixed script: not a Hangul word
    [InlineData("", null)]
    public void StripParticle_Word_RemovesOneTrailingParticle(string word, string? expected)
    {
        // Act
        var stem = KoreanParticles.StripParticle(word);

        // Assert
        Assert.Equal(expected, stem);
    }
}
