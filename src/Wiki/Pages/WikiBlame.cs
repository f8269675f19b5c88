namespace GatewayPortal.Wiki.Pages;

/// <summary>Who wrote each line of a revision.</summary>
/// <param name="Revision">The blamed revision.</param>
/// <param name="Lines">Its lines with their origin revision.</param>
/// <param name="Origins">The metadata (author, time, summary) of every origin revision referenced by <paramref name="Lines"/>.</param>
public sealed record WikiBlame(WikiRevisionInfo Revision, IReadOnlyList<BlameLine> Lines, IReadOnlyDictionary<long, WikiRevisionInfo> Origins);
