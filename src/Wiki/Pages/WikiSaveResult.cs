using GatewayPortal.Wiki.Merge;
using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Pages;

/// <summary>The outcome of a save or revert; match on the nested types.</summary>
public abstract record WikiSaveResult
{
    private WikiSaveResult()
    {
    }

    /// <summary>A new revision was written.</summary>
    public sealed record Saved(WikiRevisionInfo Revision) : WikiSaveResult;

    /// <summary>Someone saved meanwhile; the edits merged cleanly into <see cref="Revision"/>.</summary>
    public sealed record Merged(WikiRevisionInfo Revision) : WikiSaveResult;

    /// <summary>
    /// Someone saved meanwhile and the edits overlap. Nothing was written; <see cref="UserText"/> is the user's text, intact,
    /// and <see cref="CurrentRevisionId"/> is the new merge base if the user resubmits.
    /// </summary>
    public sealed record Conflict(IReadOnlyList<MergeConflict> Conflicts, string UserText, long CurrentRevisionId) : WikiSaveResult;

    /// <summary>The text equals the current revision; nothing was written.</summary>
    public sealed record NoChange : WikiSaveResult;

    /// <summary>The text is over <see cref="Limit"/> UTF-8 bytes.</summary>
    public sealed record TooLarge(int Size, int Limit) : WikiSaveResult;

    /// <summary>The text exceeds one of the <see cref="Rendering.WikiContentLimits"/>; nothing was written and the text is the caller's to keep.</summary>
    public sealed record OverLimit(Rendering.WikiContentViolation Violation) : WikiSaveResult;

    /// <summary>The text has <see cref="Count"/> distinct wiki links, over <see cref="Limit"/> (<see cref="WikiLinkLimits.MaxLinksPerPage"/>).</summary>
    public sealed record TooManyLinks(int Count, int Limit) : WikiSaveResult;

    /// <summary>The title is invalid.</summary>
    public sealed record InvalidTitle(WikiTitleError Error) : WikiSaveResult;

    /// <summary>The actor may not edit this page (or the revision to revert to does not exist for them).</summary>
    public sealed record Forbidden : WikiSaveResult;

    /// <summary>The page is protected; only administrators may edit.</summary>
    public sealed record Protected : WikiSaveResult;

    /// <summary>The page was deleted; an administrator must restore it first.</summary>
    public sealed record Deleted : WikiSaveResult;
}
