using GatewayPortal.Wiki.Access;

namespace GatewayPortal.Wiki.Tests.Access;

public sealed class WikiAccessPolicyTests
{
    private readonly WikiAccessPolicy _policy = new();
    private static readonly WikiActor Staff = new("u1", "직원", ["staff"]);
    private static readonly WikiActor HrMember = new("u2", "인사", ["Staff", "HR"]);
    private static readonly WikiActor Admin = new("u3", "관리자", [], IsAdmin: true);

    [Fact]
    public void Open_EveryoneReadsAndEdits()
    {
        Assert.True(_policy.CanRead(Staff, WikiAccessRules.Open));
        Assert.Equal(WikiEditDecision.Allowed, _policy.CanEdit(Staff, WikiAccessRules.Open));
    }

    [Fact]
    public void ReadRestricted_OnlyMembersRead_GroupNamesIgnoreCase()
    {
        var rules = new WikiAccessRules(["hr"], [], false);

        Assert.False(_policy.CanRead(Staff, rules));
        Assert.True(_policy.CanRead(HrMember, rules));
        Assert.Equal(WikiEditDecision.Forbidden, _policy.CanEdit(Staff, rules));
    }

    [Fact]
    public void EditRestricted_OthersReadButCannotEdit()
    {
        var rules = new WikiAccessRules([], ["hr"], false);

        Assert.True(_policy.CanRead(Staff, rules));
        Assert.Equal(WikiEditDecision.Forbidden, _policy.CanEdit(Staff, rules));
        Assert.Equal(WikiEditDecision.Allowed, _policy.CanEdit(HrMember, rules));
    }

    [Fact]
    public void Protected_OnlyAdminsEdit()
    {
        var rules = new WikiAccessRules([], [], true);

        Assert.Equal(WikiEditDecision.Protected, _policy.CanEdit(HrMember, rules));
        Assert.Equal(WikiEditDecision.Allowed, _policy.CanEdit(Admin, rules));
    }

    [Fact]
    public void Admin_PassesGroupRestrictions()
    {
        var rules = new WikiAccessRules(["hr"], ["hr"], false);

        Assert.True(_policy.CanRead(Admin, rules));
        Assert.Equal(WikiEditDecision.Allowed, _policy.CanEdit(Admin, rules));
    }
}
