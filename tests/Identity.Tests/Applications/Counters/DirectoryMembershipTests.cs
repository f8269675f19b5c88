using GatewayPortal.Identity.Directory;

namespace GatewayPortal.Identity.Tests.Applications.Counters;

public sealed class DirectoryMembershipTests
{
    private static readonly DirectoryMembership Membership = new(
        [
            new("hq-person", ["cn=team-a,ou=groups"]),
            new("district-person", ["cn=staff-jongno,ou=groups"]),
            new("loop-person", ["cn=loop-1,ou=groups"]),
        ],
        [
            ("cn=team-a,ou=groups", "team-a", ["cn=bureau,ou=groups"]),
            ("cn=bureau,ou=groups", "bureau", ["cn=staff-hq,ou=groups"]),
            ("cn=staff-hq,ou=groups", "staff-hq", []),
            ("cn=staff-jongno,ou=groups", "staff-jongno", []),
            ("cn=loop-1,ou=groups", "loop-1", ["cn=loop-2,ou=groups"]),
            ("cn=loop-2,ou=groups", "loop-2", ["cn=loop-1,ou=groups"]),
        ],
        maxDepth: 8);

    [Fact]
    public void AllowedIn_NestedGroup_AllowsMemberOfSubgroupOnly()
    {
        // Act
        var allowed = Membership.AllowedIn(["STAFF-HQ"]);

        // Assert
        Assert.True(allowed("hq-person"));
        Assert.False(allowed("district-person"));
        Assert.False(allowed("loop-person"));
        Assert.False(allowed("nobody"));
    }

    [Fact]
    public void AllowedIn_NoGroups_AllowsEveryEnabledPersonOnly()
    {
        // Act
        var allowed = Membership.AllowedIn([]);

        // Assert
        Assert.True(allowed("district-person"));
        Assert.False(allowed("nobody"));
    }

    [Fact]
    public void AllowedIn_DepthLimit_StopsFollowingNesting()
    {
        // Arrange
        var shallow = new DirectoryMembership(
            [new("hq-person", ["cn=team-a,ou=groups"])],
            [("cn=team-a,ou=groups", "team-a", ["cn=bureau,ou=groups"]), ("cn=bureau,ou=groups", "bureau", ["cn=staff-hq,ou=groups"]), ("cn=staff-hq,ou=groups", "staff-hq", [])],
            maxDepth: 1);

        // Act
        var allowed = shallow.AllowedIn(["staff-hq"]);

        // Assert
        Assert.False(allowed("hq-person"));
    }
}
