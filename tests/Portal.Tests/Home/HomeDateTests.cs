using GatewayPortal.Portal.Home;

namespace GatewayPortal.Portal.Tests.Home;

public sealed class HomeDateTests
{
    [Theory]
    [InlineData(2026, 12, 7, false, "2026년 12월 7일 월요일")]
    [InlineData(2026, 12, 13, false, "2026년 12월 13일 일요일")]
    [InlineData(2026, 12, 7, true, "Monday, December 7, 2026")]
    public void Format_Day_KoreanOrEnglishLongDate(int year, int month, int day, bool english, string expected)
    {
        // Act
        var text = HomeDate.Format(new DateOnly(year, month, day), english);

        // Assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Today_LateEveningUtc_IsTheNextDayInSeoul()
    {
        // Act
        var today = HomeDate.Today(new DateTimeOffset(2026, 12, 6, 15, 0, 0, TimeSpan.Zero));

        // Assert
        Assert.Equal(new DateOnly(2026, 12, 7), today);
    }

    [Fact]
    public void Short_OtherYear_WritesTheYear()
    {
        // Act
        var thisYear = HomeDate.Short(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateOnly(2026, 12, 7));
        var lastYear = HomeDate.Short(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateOnly(2026, 12, 7));

        // Assert
        Assert.Equal("03.01", thisYear);
        Assert.Equal("2025.03.01", lastYear);
    }
}
