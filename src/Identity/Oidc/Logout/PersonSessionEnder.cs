using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Identity.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Oidc.Logout;

/// <summary>
/// Ends every running session of one person outside a web request (the operator command line), the way the session
/// administration page ends one: the session is marked ended for every node, the applications it signed into get
/// back-channel logout tokens, and the sign-in audit log records who ended it. Meant for a host that runs no background
/// services: the logout tokens are delivered and the audit rows written before <see cref="EndAllAsync"/> returns.
/// </summary>
public sealed class PersonSessionEnder
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IDirectoryService _directory;
    private readonly ISessionRegistry _registry;
    private readonly BackChannelLogoutSender _sender;
    private readonly SignInAuditWriter _audit;
    private readonly IOptions<OidcProviderOptions> _options;
    private readonly TimeProvider _time;

    internal PersonSessionEnder(
        IServiceScopeFactory scopes,
        IDirectoryService directory,
        ISessionRegistry registry,
        BackChannelLogoutSender sender,
        SignInAuditWriter audit,
        IOptions<OidcProviderOptions> options,
        TimeProvider time)
    {
        _scopes = scopes;
        _directory = directory;
        _registry = registry;
        _sender = sender;
        _audit = audit;
        _options = options;
        _time = time;
    }

    internal static PersonSessionEnder Create(IServiceProvider services) => new(
        services.GetRequiredService<IServiceScopeFactory>(),
        services.GetRequiredService<IDirectoryService>(),
        services.GetRequiredService<ISessionRegistry>(),
        services.GetRequiredService<BackChannelLogoutSender>(),
        services.GetRequiredService<SignInAuditWriter>(),
        services.GetRequiredService<IOptions<OidcProviderOptions>>(),
        services.GetRequiredService<TimeProvider>());

    /// <summary>
    /// Finds the person by login or subject id: in the directory first, else in the session records (someone removed
    /// from the directory may still have sessions). Null when neither knows them.
    /// </summary>
    /// <param name="person">A login (uid) or subject id (entryUUID).</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <returns>The person, and a warning when the directory could not be asked.</returns>
    public async Task<(SessionPerson? Person, string? DirectoryWarning)> FindPersonAsync(string person, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(person);
        person = person.Trim();
        string? warning = null;
        try
        {
            var user = await _directory.FindUserAsync(person, cancellationToken).ConfigureAwait(false)
                ?? await _directory.FindUserBySubjectAsync(person, cancellationToken).ConfigureAwait(false);
            if (user is not null)
            {
                return (new SessionPerson(user.SubjectId, user.Username, user.DisplayName), null);
            }
        }
        catch (DirectoryUnavailableException ex)
        {
            warning = "the directory could not be asked (" + ex.Message + "); looked in the session records only.";
        }

        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<IIdentityDbContext>();
            var lower = person.ToLowerInvariant();
            var row = await db.PortalSessions.AsNoTracking()
                .Where(s => s.SubjectId == person || s.Login.ToLower() == lower)
                .OrderByDescending(s => s.CreatedUtc)
                .Select(s => new SessionPerson(s.SubjectId, s.Login, s.DisplayName))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return (row, warning);
        }
    }

    /// <summary>The person's running sessions (not ended, not expired), newest first.</summary>
    public async Task<IReadOnlyList<PortalSession>> ListRunningAsync(SessionPerson person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var now = _time.GetUtcNow().UtcDateTime;
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<IIdentityDbContext>();
            return await db.PortalSessions.AsNoTracking()
                .Where(s => s.SubjectId == person.SubjectId && s.EndedUtc == null && s.ExpiresUtc > now)
                .OrderByDescending(s => s.CreatedUtc).ThenBy(s => s.SessionId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ends every running session of the person, delivers the back-channel logout tokens (with the usual retries, up
    /// to about half a minute for an application that does not answer) and writes the audit rows.
    /// </summary>
    /// <param name="person">The person, from <see cref="FindPersonAsync"/>.</param>
    /// <param name="endedBy">Who ends them, for the session record and the audit log (e.g. <c>operator</c>).</param>
    /// <param name="issuer">The issuer applications know the portal by; null uses <c>Oidc:Issuer</c>.</param>
    /// <param name="cancellationToken">Cancels the work (sessions already ended stay ended).</param>
    /// <exception cref="InvalidOperationException">No issuer is configured or given while there are sessions to end.</exception>
    public async Task<PersonSessionsEnded> EndAllAsync(SessionPerson person, string endedBy, string? issuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentException.ThrowIfNullOrWhiteSpace(endedBy);
        var sessions = await ListRunningAsync(person, cancellationToken).ConfigureAwait(false);
        if (sessions.Count == 0)
        {
            return new PersonSessionsEnded([], 0, 0);
        }

        issuer ??= _options.Value.Issuer;
        if (string.IsNullOrWhiteSpace(issuer))
        {
            throw new InvalidOperationException("Oidc:Issuer is not set: logout tokens must name the issuer the applications know. Set Oidc:Issuer or pass --issuer.");
        }

        issuer = issuer.EndsWith('/') ? issuer : issuer + "/";
        var ended = new List<PortalSession>(sessions.Count);
        foreach (var session in sessions)
        {
            if (await _registry.EndAsync(session.SessionId, endedBy, SessionEndReason.Administrator, cancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await scope.ServiceProvider.GetRequiredService<ISessionLogoutNotifier>()
                    .NotifySessionEndedAsync(session.SessionId, session.SubjectId, session.Login, issuer, cancellationToken).ConfigureAwait(false);
            }

            await _audit.RecordAsync(new(
                session.Login, SignInOutcome.SignedOut, "Administrator:" + endedBy, new SignInClient(null, "portal command line"),
                session.SubjectId, session.DisplayName), cancellationToken).ConfigureAwait(false);
            ended.Add(session);
        }

        var (delivered, failed) = await _sender.DeliverQueuedAsync(cancellationToken).ConfigureAwait(false);
        await _audit.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new PersonSessionsEnded(ended, delivered, failed);
    }
}

/// <summary>A person whose sessions are listed or ended.</summary>
/// <param name="SubjectId">The subject id (entryUUID).</param>
/// <param name="Login">The login (uid).</param>
/// <param name="DisplayName">The display name, when known.</param>
public sealed record SessionPerson(string SubjectId, string Login, string? DisplayName);

/// <summary>What <see cref="PersonSessionEnder.EndAllAsync"/> did.</summary>
/// <param name="Sessions">The sessions ended.</param>
/// <param name="LogoutsDelivered">Back-channel logout tokens the applications accepted.</param>
/// <param name="LogoutsFailed">Tokens that failed for good after the retries (recorded in the audit log).</param>
public sealed record PersonSessionsEnded(IReadOnlyList<PortalSession> Sessions, int LogoutsDelivered, int LogoutsFailed);
