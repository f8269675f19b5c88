namespace GatewayPortal.Tools.OrgGen;

/// <summary>The demo accounts present in every generated directory.</summary>
public static class DemoAccounts
{
    /// <summary>The password shared by every demo account.</summary>
    public const string Password = "Demo!2026";

    /// <summary>Ordinary staff at headquarters (행정국 총무과); no role groups.</summary>
    public static readonly DemoAccount KimMinsu = new("kim.minsu", Password, "김민수", "20100001", "일반 직원 (본청 행정국 총무과)");

    /// <summary>HR officer: member of <c>role-hr</c>.</summary>
    public static readonly DemoAccount LeeJiyoung = new("lee.jiyoung", Password, "이지영", "20120002", "인사 담당 (role-hr)");

    /// <summary>System administrator: member of <c>portal-admins</c>.</summary>
    public static readonly DemoAccount ParkJihoon = new("park.jihoon", Password, "박지훈", "20080003", "시스템 관리자 (portal-admins)");

    /// <summary>Finance officer: member of <c>role-finance</c>, which is nested in <c>mfa-required</c>.</summary>
    public static readonly DemoAccount ChoiYuna = new("choi.yuna", Password, "최유나", "20150004", "재무 담당 (role-finance → mfa-required)");

    /// <summary>District staff (종로구 총무과).</summary>
    public static readonly DemoAccount HanSeojun = new("han.seojun", Password, "한서준", "20180005", "종로구 직원 (staff-jongno)");

    /// <summary>A retired (퇴직) and therefore disabled account.</summary>
    public static readonly DemoAccount JungDisabled = new("jung.disabled", Password, "정민호", "20050006", "퇴직자 (employeeType 퇴직: 비활성)", IsDisabled: true);

    /// <summary>All demo accounts.</summary>
    public static IReadOnlyList<DemoAccount> All { get; } = [KimMinsu, LeeJiyoung, ParkJihoon, ChoiYuna, HanSeojun, JungDisabled];
}
