namespace GatewayPortal.Boards.Attachments;

/// <summary>Why a file was refused.</summary>
public enum AttachmentProblem
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>The file is empty.</summary>
    Empty,

    /// <summary>The file is over <see cref="AttachmentPolicy.MaxFileBytes"/>.</summary>
    TooLarge,

    /// <summary>The extension is not on the list (HTML, SVG, executables and unknown kinds).</summary>
    TypeNotAllowed,

    /// <summary>The content does not look like its extension (e.g. an executable named .pdf).</summary>
    ContentMismatch,

    /// <summary>The name is empty or too long.</summary>
    BadName,
}
