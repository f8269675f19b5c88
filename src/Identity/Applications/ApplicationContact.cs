namespace GatewayPortal.Identity.Applications;

/// <summary>Who to ask about a system, said once: the contact usually names the department already.</summary>
public static class ApplicationContact
{
    /// <summary>
    /// The department and the contact as one phrase without repeating the department:
    /// ("정보시스템과", "정보시스템과 02-2133-1234") gives "정보시스템과 02-2133-1234";
    /// ("정보시스템과", "02-2133-1234") gives "정보시스템과, 02-2133-1234"; either alone is kept as it is.
    /// </summary>
    public static string Compose(string? department, string? contact)
    {
        var dept = department?.Trim() ?? "";
        var who = contact?.Trim() ?? "";
        if (dept.Length == 0)
        {
            return who;
        }

        if (who.Length == 0 || who.Contains(dept, StringComparison.OrdinalIgnoreCase))
        {
            return who.Length == 0 ? dept : who;
        }

        return dept + ", " + who;
    }
}
