using System.Collections;
using System.Globalization;
using System.Text;
using GatewayPortal.Identity.Audit;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Identity.Telemetry;

/// <summary>
/// Security events as structured log entries (category <see cref="CategoryName"/>), for a SIEM or syslog, next to the
/// rows the database keeps: sign-in results, lock-outs, applications refused and token grants refused. Each has a
/// stable event id and name (<see cref="EventIds"/>) and the fields <c>event</c>, <c>outcome</c>, <c>reason</c>,
/// <c>login</c>, <c>subject</c>, <c>clientId</c>, <c>remoteIp</c> (and <c>grantType</c> for tokens). Never a password,
/// token, code or secret: only what the audit table keeps.
/// </summary>
public sealed class SecurityEventLog
{
    /// <summary>The log category.</summary>
    public const string CategoryName = "GatewayPortal.Security";

    /// <summary>The event of a refused token request.</summary>
    public static readonly EventId TokenRefusedEvent = new(5101, "TokenGrantRefused");

    private readonly ILogger _logger;

    /// <summary>Writes to the <see cref="CategoryName"/> category of <paramref name="loggers"/>.</summary>
    public SecurityEventLog(ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _logger = loggers.CreateLogger(CategoryName);
    }

    /// <summary>The stable event id and name of each sign-in outcome.</summary>
    public static IReadOnlyDictionary<SignInOutcome, EventId> EventIds { get; } = new Dictionary<SignInOutcome, EventId>
    {
        [SignInOutcome.Succeeded] = new(5001, "SignInSucceeded"),
        [SignInOutcome.Failed] = new(5002, "SignInFailed"),
        [SignInOutcome.LockedOut] = new(5003, "SignInLockedOut"),
        [SignInOutcome.DirectoryUnavailable] = new(5004, "SignInDirectoryUnavailable"),
        [SignInOutcome.SecondFactorRequired] = new(5005, "SecondFactorRequired"),
        [SignInOutcome.SecondFactorFailed] = new(5006, "SecondFactorFailed"),
        [SignInOutcome.SecondFactorEnrolled] = new(5007, "SecondFactorEnrolled"),
        [SignInOutcome.SignedOut] = new(5008, "SignedOut"),
        [SignInOutcome.ApplicationSignIn] = new(5009, "ApplicationSignIn"),
        [SignInOutcome.ApplicationAccessDenied] = new(5010, "ApplicationAccessDenied"),
        [SignInOutcome.ApplicationLogoutFailed] = new(5011, "ApplicationLogoutFailed"),
    };

    /// <summary>Logs one audited sign-in event.</summary>
    public void SignIn(SignInAuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var level = auditEvent.Outcome switch
        {
            SignInOutcome.Failed or SignInOutcome.LockedOut or SignInOutcome.SecondFactorFailed or SignInOutcome.ApplicationAccessDenied
                or SignInOutcome.DirectoryUnavailable or SignInOutcome.ApplicationLogoutFailed => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        if (!_logger.IsEnabled(level))
        {
            return;
        }

        var eventId = EventIds.TryGetValue(auditEvent.Outcome, out var known) ? known : new EventId(5000, "SignInEvent");
        // Application events carry the client id as the reason's last part (ApplicationSignIn: the whole reason).
        var clientId = auditEvent.Outcome switch
        {
            SignInOutcome.ApplicationSignIn => auditEvent.Reason,
            SignInOutcome.ApplicationAccessDenied or SignInOutcome.ApplicationLogoutFailed when auditEvent.Reason is { } reason && reason.Contains(':', StringComparison.Ordinal) =>
                reason[(reason.LastIndexOf(':') + 1)..],
            _ => null,
        };
        Write(level, eventId, new SecurityEvent(
            eventId.Name!, auditEvent.Outcome.ToString(), auditEvent.Reason, Cut(auditEvent.Login), auditEvent.SubjectId, clientId, auditEvent.Client.IpAddress, null));
    }

    /// <summary>Logs a token request the token endpoint refused (<paramref name="error"/> is the OAuth error code).</summary>
    public void TokenRefused(string error, string? grantType, string? clientId, string? subject, string? remoteIp)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            Write(LogLevel.Warning, TokenRefusedEvent, new SecurityEvent(
                TokenRefusedEvent.Name!, "Refused", error, null, subject, clientId, remoteIp, grantType));
        }
    }

    // The login as typed is the caller's input: no longer than the audit table keeps it.
    private static string Cut(string value) => value.Length > SignInAuditEntry.MaxLoginLength ? value[..SignInAuditEntry.MaxLoginLength] : value;

    private void Write(LogLevel level, EventId eventId, SecurityEvent state) =>
        _logger.Log(level, eventId, state, null, static (s, _) => s.ToString());

    /// <summary>One event's fields, as the log's structured state.</summary>
    private sealed record SecurityEvent(
        string Event, string Outcome, string? Reason, string? Login, string? Subject, string? ClientId, string? RemoteIp, string? GrantType)
        : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private KeyValuePair<string, object?>[] Fields =>
        [
            new("event", Event),
            new("outcome", Outcome),
            new("reason", Reason),
            new("login", Login),
            new("subject", Subject),
            new("clientId", ClientId),
            new("remoteIp", RemoteIp),
            new("grantType", GrantType),
        ];

        public int Count => 8;

        public KeyValuePair<string, object?> this[int index] => Fields[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)Fields).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString()
        {
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Security event {Event}: outcome {Outcome}");
            foreach (var (key, value) in Fields.Skip(2))
            {
                if (value is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $", {key} {value}");
                }
            }

            return text.ToString();
        }
    }
}
