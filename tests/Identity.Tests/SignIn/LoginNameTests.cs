using GatewayPortal.Identity.SignIn;

namespace GatewayPortal.Identity.Tests.SignIn;

public sealed class LoginNameTests
{
    [Theory]
    [InlineData("kim.minsu", "kim.minsu")]
    [InlineData("Kim.Minsu", "kim.minsu")]
    [InlineData("ｋｉｍ.ｍｉｎｓｕ", "kim.minsu")] // full-width letters (Korean IME)
    [InlineData("\u212Aim.minsu", "kim.minsu")] // Kelvin sign
    [InlineData("kim.min\u017Fu", "kim.minsu")] // long s
    [InlineData("\u24DAim.minsu", "kim.minsu")] // circled letter
    [InlineData("\uD835\uDC24im.minsu", "kim.minsu")] // mathematical bold small k
    [InlineData("kim.minsu\u00A0", "kim.minsu")] // trailing no-break space
    [InlineData("\u3000kim.minsu\u2003", "kim.minsu")] // ideographic and em spaces
    [InlineData("Kim.Minsu@CityHall.Example", "kim.minsu@cityhall.example")]
    [InlineData("kim+portal@cityhall.example", "kim+portal@cityhall.example")]
    [InlineData("２０１００００１", "20100001")] // full-width employee number
    public void TryNormalize_Spelling_GivesTheCanonicalLogin(string typed, string expected)
    {
        Assert.True(LoginName.TryNormalize(typed, 256, out var canonical));
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("k\u0130m.minsu")] // dotted capital I (issue #13): no ASCII letter folds to it
    [InlineData("kim.\u200Bminsu")] // zero-width space
    [InlineData("kim\u0000.minsu")] // NUL
    [InlineData("\uAE40\uBBFC\uC218")] // Hangul
    [InlineData("kim minsu")] // inner space
    [InlineData("kim*")] // filter wildcard
    [InlineData("(uid=kim.minsu)")] // filter syntax
    [InlineData("@cityhall.example")] // no local part
    [InlineData("kim@")] // no domain
    [InlineData("a@b@c")] // two @
    [InlineData("kim\uD800")] // unpaired surrogate
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryNormalize_OutsideTheAlphabet_IsRefused(string? typed)
    {
        Assert.False(LoginName.TryNormalize(typed, 256, out _));
    }

    [Fact]
    public void TryNormalize_LongerThanLimit_IsRefused()
    {
        Assert.False(LoginName.TryNormalize(new string('a', 257), 256, out _));
        Assert.True(LoginName.TryNormalize(new string('a', 256), 256, out _));
    }
}
