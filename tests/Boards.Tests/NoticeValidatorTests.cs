using GatewayPortal.Boards.Access;
using GatewayPortal.Boards.Attachments;
using GatewayPortal.Boards.Departments;
using GatewayPortal.Boards.Posts;

namespace GatewayPortal.Boards.Tests;

public sealed class NoticeValidatorTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);

    private static NoticeDraft Draft(string title = "제목", DateTime? publish = null, DateTime? expires = null, DateTime? pinned = null,
        IReadOnlyList<string>? audience = null, IReadOnlyList<NoticeUpload>? files = null) =>
        new(title, "본문", null, pinned, publish, expires, audience ?? [], files ?? [], []);

    private static List<NoticeErrorCode> Codes(NoticeDraft draft, int kept = 0, BoardRules? rules = null, DateTime? originalPin = null) =>
        [.. NoticeValidator.Validate(draft, Now, kept, rules ?? BoardRules.Open, originalPin).Select(e => e.Code)];

    [Fact]
    public void Validate_GoodDraft_NoErrors() => Assert.Empty(Codes(Draft(publish: Now.AddDays(1), expires: Now.AddDays(2), pinned: Now.AddDays(1))));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_BlankTitle_TitleRequired(string title) => Assert.Equal([NoticeErrorCode.TitleRequired], Codes(Draft(title)));

    [Fact]
    public void Validate_PublishAfterExpiry_PublishAfterExpiry() =>
        Assert.Equal([NoticeErrorCode.PublishAfterExpiry], Codes(Draft(publish: Now.AddDays(3), expires: Now.AddDays(2))));

    [Fact]
    public void Validate_ExpiryAndPinInPast_BothReported() =>
        Assert.Equal([NoticeErrorCode.ExpiryInPast, NoticeErrorCode.PinnedInPast], Codes(Draft(expires: Now.AddMinutes(-1), pinned: Now.AddDays(-1))));

    [Fact]
    public void Validate_EditKeepsPastPinUnchanged_Accepted() =>
        Assert.Empty(Codes(Draft(pinned: Now.AddDays(-1)), originalPin: Now.AddDays(-1)));

    [Fact]
    public void Validate_ElevenFilesCountingKeptOnes_TooManyFiles()
    {
        // Arrange
        var files = Enumerable.Range(0, 3).Select(i => new NoticeUpload($"{i}.pdf", "%PDF"u8.ToArray())).ToList();

        // Act / Assert
        Assert.Equal([NoticeErrorCode.TooManyFiles], Codes(Draft(files: files), kept: 8));
        Assert.Empty(Codes(Draft(files: files), kept: 7));
    }

    [Fact]
    public void Validate_AudienceOutsideRestrictedBoard_Refused()
    {
        // Arrange
        var rules = new BoardRules(["role-hr"], [], []);

        // Act
        var errors = NoticeValidator.Validate(Draft(audience: ["Staff-HQ", "role-hr"]), Now, 0, rules);

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal((NoticeErrorCode.AudienceOutsideBoard, "staff-hq"), (error.Code, error.Subject));
    }

    [Theory]
    [InlineData("ORG-101", "dept-org-101")]
    [InlineData(" t42 ", "dept-t42")]
    [InlineData("a/b", null)] // not a URL segment
    [InlineData("", null)]
    public void DepartmentBoards_KeyOf_LowercaseUrlSafe(string code, string? key) => Assert.Equal(key, DepartmentBoards.KeyOf(code));
}
