namespace GatewayPortal.Portal.Footer;

/// <summary>The help desk the footer names (<c>Portal:Footer:HelpDesk</c>).</summary>
public sealed class HelpDeskOptions
{
    /// <summary>The name in Korean (e.g. 정보화 헬프데스크).</summary>
    public string? NameKo { get; set; }

    /// <summary>The name in English (the Korean one when empty).</summary>
    public string? NameEn { get; set; }

    /// <summary>The phone number as dialled (e.g. 02-2133-0120); digits, spaces, +, -, ( and ) only.</summary>
    public string? Phone { get; set; }

    /// <summary>Opening hours in Korean (e.g. 평일 09:00–18:00).</summary>
    public string? HoursKo { get; set; }

    /// <summary>Opening hours in English (the Korean ones when empty).</summary>
    public string? HoursEn { get; set; }
}
