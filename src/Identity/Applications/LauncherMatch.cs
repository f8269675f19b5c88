namespace GatewayPortal.Identity.Applications;

/// <summary>How an application matched the launcher's filter; lower values rank first.</summary>
public enum LauncherMatch
{
    /// <summary>The name starts with the text, or its initials start with the typed initials (ㅇㅅ → 인사관리).</summary>
    NameStart = 0,

    /// <summary>A later word of the name starts with it (ㅅㅎ → 재난안전 상황관리).</summary>
    WordStart = 1,

    /// <summary>It occurs inside a word of the name (ㅇㅅ → 사이버 교육센터).</summary>
    InsideWord = 2,

    /// <summary>Only the description matches.</summary>
    Description = 3,
}
