using GatewayPortal.Boards.Access;

namespace GatewayPortal.Boards.Tests;

public sealed class BoardAccessTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);
    private static readonly BoardRules HrBoard = new(["role-hr"], ["role-hr"], ["hr-managers"]);

    private static BoardViewer Viewer(string subject, params string[] groups) => new(subject, subject, null, groups, false);

    [Fact]
    public void CanRead_OpenBoard_Everyone() => Assert.True(BoardAccess.CanRead(BoardRules.Open, Viewer("kim")));

    [Fact]
    public void CanRead_ReaderGroupsCaseInsensitive_MemberOnly()
    {
        Assert.True(BoardAccess.CanRead(HrBoard, Viewer("lee", "ROLE-HR")));
        Assert.False(BoardAccess.CanRead(HrBoard, Viewer("kim", "staff-hq")));
    }

    [Fact]
    public void CanPost_ManagersAndAdministrators_EvenWithoutPosterGroup()
    {
        Assert.True(BoardAccess.CanPost(HrBoard, Viewer("m", "hr-managers")));
        Assert.True(BoardAccess.CanPost(HrBoard, new BoardViewer("park", "park", null, [], true)));
        Assert.False(BoardAccess.CanPost(BoardRules.Open, Viewer("kim", "staff-hq")));
    }

    [Fact]
    public void CanReadPost_AudienceNarrowsBoard_OutsiderHidden()
    {
        // Arrange
        var post = new PostVisibility("author", Now.AddDays(-1), null, ["role-hr"]);

        // Act / Assert
        Assert.True(BoardAccess.CanReadPost(BoardRules.Open, Viewer("lee", "role-hr"), post, Now));
        Assert.False(BoardAccess.CanReadPost(BoardRules.Open, Viewer("kim", "staff-hq"), post, Now));
        Assert.True(BoardAccess.CanReadPost(BoardRules.Open, Viewer("author"), post, Now));
    }

    [Fact]
    public void CanReadPost_ScheduledOrExpired_OnlyAuthorAndManagers()
    {
        // Arrange
        var scheduled = new PostVisibility("author", Now.AddHours(1), null, []);
        var expired = new PostVisibility("author", Now.AddDays(-2), Now, []);

        // Act / Assert
        Assert.False(BoardAccess.CanReadPost(HrBoard, Viewer("lee", "role-hr"), scheduled, Now));
        Assert.False(BoardAccess.CanReadPost(HrBoard, Viewer("lee", "role-hr"), expired, Now));
        Assert.True(BoardAccess.CanReadPost(HrBoard, Viewer("m", "hr-managers"), expired, Now));
        Assert.True(BoardAccess.CanReadPost(HrBoard, Viewer("author", "role-hr"), scheduled, Now));
    }

    [Fact]
    public void CanChangePost_AuthorWhoLostBoardAccess_Refused()
    {
        Assert.True(BoardAccess.CanChangePost(HrBoard, Viewer("author", "role-hr"), "author"));
        Assert.False(BoardAccess.CanChangePost(HrBoard, Viewer("author", "staff-hq"), "author"));
        Assert.False(BoardAccess.CanChangePost(HrBoard, Viewer("lee", "role-hr"), "author"));
    }
}
