namespace GatewayPortal.Identity.Sessions;

/// <summary>A page of running sessions, optionally for logins starting with <see cref="Login"/>.</summary>
public sealed record ActiveSessionQuery(string? Login, int Page = 1, int PageSize = 50)
{
    /// <summary>Largest page size served.</summary>
    public const int MaxPageSize = 200;
}

/// <summary>One page of running sessions, newest first.</summary>
public sealed record ActiveSessionPage(IReadOnlyList<PortalSession> Sessions, int Total, int Page, int PageSize)
{
    /// <summary>Number of pages.</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
