using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.Mfa;
using GatewayPortal.Identity.Throttling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.SignIn;

/// <inheritdoc/>
internal sealed partial class PasswordSignInService(
    IDirectoryService directory,
    ISignInThrottle throttle,
    ISignInAuditLog audit,
    IMfaService mfa,
    LoginAliasCache aliases,
    IOptions<MfaOptions> mfaOptions,
    ILogger<PasswordSignInService> logger) : IPasswordSignInService
{
    public async Task<PasswordSignInResult> SignInAsync(string login, string password, SignInClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        login = (login ?? "").Trim();
        var loginKey = ThrottleKey.ForLogin(login);

        // Check throttles before the directory is asked anything: a locked account costs no bind.
        var knownSubject = aliases.Find(loginKey);
        var locked = LockState(loginKey, knownSubject, client);
        if (locked.IsLocked)
        {
            await audit.RecordAsync(new(login, SignInOutcome.LockedOut, LockReason(loginKey, knownSubject, client), client, knownSubject), cancellationToken);
            return new(PasswordSignInStatus.LockedOut, RetryAtUtc: locked.RetryAtUtc);
        }

        DirectoryAuthenticationResult result;
        try
        {
            result = await directory.AuthenticateAsync(login, password ?? "", cancellationToken);
        }
        catch (DirectoryUnavailableException ex)
        {
            LogDirectoryUnavailable(logger, ex);
            await audit.RecordAsync(new(login, SignInOutcome.DirectoryUnavailable, "DirectoryUnavailable", client, knownSubject), cancellationToken);
            return new(PasswordSignInStatus.DirectoryUnavailable);
        }

        var user = result.User;
        if (user is not null)
        {
            aliases.Remember(loginKey, user.SubjectId);

            // The person may be locked under another alias (uid vs. mail): that lock wins, right password or not.
            var subjectState = throttle.GetAccountState(ThrottleKey.ForSubject(user.SubjectId));
            if (subjectState.IsLocked)
            {
                await audit.RecordAsync(new(login, SignInOutcome.LockedOut, "AccountThrottled", client, user.SubjectId, user.DisplayName), cancellationToken);
                return new(PasswordSignInStatus.LockedOut, RetryAtUtc: subjectState.RetryAtUtc);
            }
        }

        if (!result.Succeeded)
        {
            string[] keys = user is null ? [loginKey] : [loginKey, ThrottleKey.ForSubject(user.SubjectId)];
            var state = throttle.RecordFailure(keys, client.IpAddress);
            await audit.RecordAsync(new(login, SignInOutcome.Failed, result.Status.ToString(), client, user?.SubjectId, user?.DisplayName), cancellationToken);
            return state.IsLocked
                ? new(PasswordSignInStatus.LockedOut, RetryAtUtc: state.RetryAtUtc)
                : new(PasswordSignInStatus.Failed);
        }

        var person = result.User ?? throw new InvalidOperationException("A successful directory check carries the person.");
        throttle.Reset([loginKey, ThrottleKey.ForSubject(person.SubjectId)]);

        var enrolled = await mfa.IsEnrolledAsync(person.SubjectId, cancellationToken);
        if (enrolled || mfaOptions.Value.RequiredGroups.Any(person.IsMemberOf))
        {
            await audit.RecordAsync(new(login, SignInOutcome.SecondFactorRequired, enrolled ? "Enrolled" : "EnrolmentRequired", client, person.SubjectId, person.DisplayName), cancellationToken);
            return new(PasswordSignInStatus.SecondFactorRequired, person, SecondFactorEnrolled: enrolled);
        }

        await audit.RecordAsync(new(login, SignInOutcome.Succeeded, "Password", client, person.SubjectId, person.DisplayName), cancellationToken);
        return new(PasswordSignInStatus.SignedIn, person);
    }

    public async Task<PasswordSignInResult> VerifySecondFactorAsync(string subjectId, string login, string code, SignInClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var subjectKey = ThrottleKey.ForSubject(subjectId);
        var locked = throttle.GetAccountState(subjectKey).Combine(throttle.GetClientState(client.IpAddress));
        if (locked.IsLocked)
        {
            await audit.RecordAsync(new(login, SignInOutcome.LockedOut, "SecondFactorThrottled", client, subjectId), cancellationToken);
            return new(PasswordSignInStatus.LockedOut, RetryAtUtc: locked.RetryAtUtc);
        }

        if (!await mfa.VerifyAsync(subjectId, code ?? "", cancellationToken))
        {
            var state = throttle.RecordFailure([subjectKey], client.IpAddress);
            await audit.RecordAsync(new(login, SignInOutcome.SecondFactorFailed, "InvalidCode", client, subjectId), cancellationToken);
            return state.IsLocked
                ? new(PasswordSignInStatus.LockedOut, RetryAtUtc: state.RetryAtUtc)
                : new(PasswordSignInStatus.Failed);
        }

        throttle.Reset([subjectKey]);
        await audit.RecordAsync(new(login, SignInOutcome.Succeeded, "PasswordAndTotp", client, subjectId), cancellationToken);
        return new(PasswordSignInStatus.SignedIn);
    }

    private ThrottleState LockState(string loginKey, string? knownSubject, SignInClient client)
    {
        var state = throttle.GetAccountState(loginKey).Combine(throttle.GetClientState(client.IpAddress));
        return knownSubject is null ? state : state.Combine(throttle.GetAccountState(ThrottleKey.ForSubject(knownSubject)));
    }

    private string LockReason(string loginKey, string? knownSubject, SignInClient client) =>
        throttle.GetClientState(client.IpAddress).IsLocked ? "ClientThrottled"
        : throttle.GetAccountState(loginKey).IsLocked || knownSubject is not null ? "AccountThrottled"
        : "Throttled";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: the directory is unavailable")]
    private static partial void LogDirectoryUnavailable(ILogger logger, Exception exception);
}
