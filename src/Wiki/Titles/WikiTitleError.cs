namespace GatewayPortal.Wiki.Titles;

/// <summary>Why a page title was rejected. The UI maps each code to a localised message.</summary>
public enum WikiTitleError
{
    /// <summary>The title is valid.</summary>
    None,

    /// <summary>The title is empty or only whitespace.</summary>
    Empty,

    /// <summary>The title is longer than <see cref="WikiTitle.MaxLength"/> characters.</summary>
    TooLong,

    /// <summary>The title contains one of <c>[ ] { } | # &lt; &gt; /</c>.</summary>
    ForbiddenCharacter,

    /// <summary>The title contains a control character (tab, newline, NUL, ...).</summary>
    ControlCharacter,

    /// <summary>The space key before the colon is not 1-64 ASCII letters, digits, '-' or '_'.</summary>
    InvalidSpace,
}
