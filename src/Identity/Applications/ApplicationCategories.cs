namespace GatewayPortal.Identity.Applications;

/// <summary>The fixed list of launcher sections, in display order.</summary>
public static class ApplicationCategories
{
    /// <summary>Every category, in display order.</summary>
    public static IReadOnlyList<ApplicationCategory> All { get; } =
    [
        new("hr", "인사·복무", "HR & attendance"),
        new("finance", "재정·회계", "Finance & accounting"),
        new("document", "문서·결재", "Documents & approval"),
        new("civil", "민원", "Civil affairs"),
        new("welfare", "복지", "Welfare"),
        new("urban", "도시·건축", "Urban planning & building"),
        new("environment", "환경", "Environment"),
        new("transport", "교통·차량", "Transport & vehicles"),
        new("safety", "안전·재난", "Safety & disasters"),
        new("asset", "공유재산", "Public property"),
        new("gis", "공간정보(GIS)", "Spatial data (GIS)"),
        new("statistics", "통계", "Statistics"),
        new("it", "정보화·보안", "IT & security"),
        new("common", "공통 업무", "Common tools"),
    ];

    /// <summary>The category with this code, or null.</summary>
    public static ApplicationCategory? Find(string? code) =>
        All.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));
}
