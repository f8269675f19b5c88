using GatewayPortal.Identity.Audit;

namespace GatewayPortal.Identity.Sessions;

/// <summary>A session that has just begun.</summary>
public sealed record SessionStart(
    string SessionId,
    string SubjectId,
    string Login,
    string? DisplayName,
    DateTimeOffset Created,
    DateTimeOffset Expires,
    IReadOnlyCollection<string> Methods,
    SignInClient Client);
