using System.Buffers.Text;
using System.Security.Cryptography;

namespace GatewayPortal.Samples.LineOfBusiness.Sessions;

/// <summary>
/// In-memory registry of live local sessions. A cookie is honoured only while its session is listed here,
/// so a back-channel logout (or a restart of this single-instance sample) ends it server-side.
/// </summary>
public sealed class LocalSessionRegistry(TimeProvider timeProvider)
{
    /// <summary>Upper bound so a flood of sign-ins cannot grow memory without limit.</summary>
    public const int MaxSessions = 50_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LocalSession> _sessions = new(StringComparer.Ordinal);

    public LocalSession Create(string? portalSessionId, string subject, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var session = new LocalSession(
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
            portalSessionId,
            subject,
            timeProvider.GetUtcNow() + lifetime);

        lock (_gate)
        {
            if (_sessions.Count >= MaxSessions)
            {
                PruneExpired();
            }

            if (_sessions.Count >= MaxSessions)
            {
                // Evict the session closest to expiry rather than refuse the sign-in.
                _sessions.Remove(_sessions.Values.MinBy(s => s.ExpiresAt)!.Id);
            }

            _sessions[session.Id] = session;
        }

        return session;
    }

    public bool IsActive(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        lock (_gate)
        {
            return _sessions.TryGetValue(id, out var session) && session.ExpiresAt > timeProvider.GetUtcNow();
        }
    }

    public void Remove(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return;
        }

        lock (_gate)
        {
            _sessions.Remove(id);
        }
    }

    /// <summary>Ends every local session of the portal session <paramref name="portalSessionId"/>, or of the subject when no sid is given.</summary>
    /// <returns>The number of sessions ended.</returns>
    public int EndPortalSession(string? portalSessionId, string? subject)
    {
        if (string.IsNullOrEmpty(portalSessionId) && string.IsNullOrEmpty(subject))
        {
            return 0;
        }

        lock (_gate)
        {
            var ended = _sessions.Values
                .Where(s => string.IsNullOrEmpty(portalSessionId)
                    ? string.Equals(s.Subject, subject, StringComparison.Ordinal)
                    : string.Equals(s.PortalSessionId, portalSessionId, StringComparison.Ordinal)
                        && (string.IsNullOrEmpty(subject) || string.Equals(s.Subject, subject, StringComparison.Ordinal)))
                .Select(s => s.Id)
                .ToList();

            foreach (var id in ended)
            {
                _sessions.Remove(id);
            }

            return ended.Count;
        }
    }

    private void PruneExpired()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var id in _sessions.Values.Where(s => s.ExpiresAt <= now).Select(s => s.Id).ToList())
        {
            _sessions.Remove(id);
        }
    }
}
