using System.Globalization;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Oidc.Logout;

namespace GatewayPortal.Portal.Operations;

/// <summary>
/// <c>sessions list|end &lt;login|subject-id&gt;</c>: a person's running SSO sessions, and ending all of them the way
/// the session administration page ends one (every node refuses them at once; the applications they signed into get
/// back-channel logout tokens, delivered before the command exits).
/// </summary>
public sealed class SessionsCommand : IPortalCommand
{
    /// <summary>Who the session records and the audit log say ended the sessions.</summary>
    public const string EndedBy = "command-line";

    /// <inheritdoc/>
    public string Name => "sessions";

    /// <inheritdoc/>
    public string Summary => "list or end a person's SSO sessions (with back-channel logout)";

    /// <inheritdoc/>
    public string Usage =>
        "sessions list <login|subject-id>\n" +
        "sessions end <login|subject-id> [--issuer <url>]   (--issuer when Oidc:Issuer is not set)";

    /// <inheritdoc/>
    public async Task<int> RunAsync(PortalCommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        if (args.Count == 0 || args[0] is not ("list" or "end"))
        {
            return context.UsageError(this, args.Count == 0 ? "say list or end." : $"unknown action '{args[0]}'; use list or end.");
        }

        var action = args[0];
        string? person = null;
        string? issuer = null;
        for (var i = 1; i < args.Count; i++)
        {
            if (action == "end" && args[i] == "--issuer")
            {
                if (i + 1 >= args.Count || !Uri.TryCreate(args[i + 1], UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                {
                    return context.UsageError(this, "--issuer needs an absolute http(s) URL, e.g. https://portal.example.go.kr/.");
                }

                issuer = args[++i];
            }
            else if (args[i].StartsWith('-') || person is not null)
            {
                return context.UsageError(this, $"unexpected argument '{args[i]}'.");
            }
            else
            {
                person = args[i];
            }
        }

        if (string.IsNullOrWhiteSpace(person) || person.Length > 256)
        {
            return context.UsageError(this, "name the person by login or subject id.");
        }

        var ender = context.Services.GetRequiredService<PersonSessionEnder>();
        var (found, warning) = await ender.FindPersonAsync(person, cancellationToken);
        if (warning is not null)
        {
            await context.Error.WriteLineAsync("sessions: warning: " + warning);
        }

        if (found is null)
        {
            await context.Error.WriteLineAsync($"sessions: no person '{person}' in the directory or the session records (give a login or a subject id).");
            return PortalCommandExit.Failed;
        }

        if (action == "list")
        {
            var sessions = await ender.ListRunningAsync(found, cancellationToken);
            await context.Out.WriteLineAsync($"# {sessions.Count} running sessions of {found.Login} ({found.SubjectId})");
            await context.Out.WriteLineAsync("session-id\tstarted-utc\texpires-utc\tip-address\tmethods");
            foreach (var s in sessions)
            {
                await context.Out.WriteLineAsync(string.Join('\t',
                    s.SessionId, Utc(s.CreatedUtc), Utc(s.ExpiresUtc), s.IpAddress ?? "-", s.Methods.Length > 0 ? s.Methods : "-"));
            }

            return PortalCommandExit.Ok;
        }

        PersonSessionsEnded ended;
        try
        {
            ended = await ender.EndAllAsync(found, EndedBy, issuer, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            await context.Error.WriteLineAsync("sessions: " + ex.Message);
            return PortalCommandExit.Failed;
        }

        foreach (var session in ended.Sessions)
        {
            await CommandLineAudit.RecordAsync(context, new(
                AdminAuditActions.SessionEnd,
                AdminAuditTargets.Session,
                session.SessionId,
                string.IsNullOrEmpty(session.DisplayName) ? session.Login : $"{session.Login} ({session.DisplayName})",
                Before: new { session.Login, session.SubjectId, session.DisplayName, session.IpAddress, Started = session.CreatedUtc, Ended = (DateTime?)null },
                After: new { Ended = true, EndedBy },
                Summary: "Session ended from the command line"), cancellationToken);
        }

        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ended {ended.Sessions.Count} sessions of {found.Login} ({found.SubjectId}); back-channel logout: {ended.LogoutsDelivered} delivered, {ended.LogoutsFailed} failed"));
        if (ended.LogoutsFailed > 0)
        {
            await context.Error.WriteLineAsync(
                "sessions: warning: some applications did not accept the logout token after retries (see the sign-in audit log); " +
                "their own sessions may last until they expire. The portal sessions are ended.");
        }

        return PortalCommandExit.Ok;
    }

    private static string Utc(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
