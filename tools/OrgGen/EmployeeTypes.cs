namespace GatewayPortal.Tools.OrgGen;

/// <summary>Values of <c>employeeType</c>.</summary>
public static class EmployeeTypes
{
    /// <summary>Employed (enabled).</summary>
    public const string Active = "재직";

    /// <summary>On leave (disabled).</summary>
    public const string OnLeave = "휴직";

    /// <summary>Retired (disabled).</summary>
    public const string Retired = "퇴직";
}
