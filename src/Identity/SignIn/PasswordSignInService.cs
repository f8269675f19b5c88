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
    DirectoryReadCache reads,
    IOptions<MfaOptions> mfaOptions,
    IOptions<SignInOptions> signInOptions,
    TimeProvider timeProvider,
    ILogger<PasswordSignInService> logger) : IPasswordSignInService
{
    public async Task<PasswordSignInResult> SignInAsync(string login, string password, SignInClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var started = timeProvider.GetTimestamp();
        var result = await CheckPasswordAsync(login, password, client, cancellationToken).ConfigureAwait(false);
        if (result.Status == PasswordSignInStatus.Failed)
        {
            // Every refusal answers no sooner than the floor, whichever path it took.
            await WaitAsync(signInOptions.Value.RefusalMinimumDuration - timeProvider.GetElapsedTime(started), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task<PasswordSignInResult> CheckPasswordAsync(string login, string password, SignInClient client, CancellationToken cancellationToken)
    {
        // One spelling from here on: the throttle keys, the directory's filter and the audit all use the canonical login.
        if (!LoginName.TryNormalize(login, signInOptions.Value.MaxLoginLength, out var canonical))
        {
            return await RefuseInvalidLoginAsync(login ?? "", client, cancellationToken).ConfigureAwait(false);
        }

        var loginKey = ThrottleKey.ForLogin(canonical);

        // Check throttles before the directory is asked anything: a locked account costs no bind.
        var knownSubject = aliases.Find(loginKey);
        string[] keys = knownSubject is null ? [loginKey] : [loginKey, ThrottleKey.ForSubject(knownSubject)];
        var before = throttle.Check(keys, client.IpAddress);
        if (before.IsLocked)
        {
            await audit.RecordAsync(new(canonical, SignInOutcome.LockedOut, LockReason(client), client, knownSubject), cancellationToken).ConfigureAwait(false);
            return new(PasswordSignInStatus.LockedOut, RetryAtUtc: before.RetryAtUtc);
        }

        await WaitAsync(before.Delay, cancellationToken).ConfigureAwait(false);
        DirectoryAuthenticationResult result;
        try
        {
            result = await directory.AuthenticateAsync(canonical, password ?? "", cancellationToken).ConfigureAwait(false);
        }
        catch (DirectoryUnavailableException ex)
        {
            LogDirectoryUnavailable(logger, ex);
            await audit.RecordAsync(new(canonical, SignInOutcome.DirectoryUnavailable, "DirectoryUnavailable", client, knownSubject), cancellationToken).ConfigureAwait(false);
            return new(PasswordSignInStatus.DirectoryUnavailable);
        }

        var user = result.User;
        if (user is not null)
        {
            aliases.Remember(loginKey, user.SubjectId);

            // The person may be locked from this address under another alias (uid vs. mail): that lock wins, right password or not.
            var subjectState = throttle.Check([ThrottleKey.ForSubject(user.SubjectId)], client.IpAddress);
            if (subjectState.IsLocked)
            {
                await audit.RecordAsync(new(canonical, SignInOutcome.LockedOut, "AccountThrottled", client, user.SubjectId, user.DisplayName), cancellationToken).ConfigureAwait(false);
                return new(PasswordSignInStatus.LockedOut, RetryAtUtc: subjectState.RetryAtUtc);
            }
        }

        keys = user is null ? [loginKey] : [loginKey, ThrottleKey.ForSubject(user.SubjectId)];
        if (!result.Succeeded)
        {
            var state = throttle.RecordFailure(keys, client.IpAddress);
            await audit.RecordAsync(new(canonical, SignInOutcome.Failed, result.Status.ToString(), client, user?.SubjectId, user?.DisplayName), cancellationToken).ConfigureAwait(false);
            return state.IsLocked
                ? new(PasswordSignInStatus.LockedOut, RetryAtUtc: state.RetryAtUtc)
                : new(PasswordSignInStatus.Failed);
        }

        var person = result.User ?? throw new InvalidOperationException("A successful directory check carries the person.");
        throttle.Reset(keys, client.IpAddress);

        // The application sign-ins that follow in the next seconds re-check the person: this read answers them.
        reads.Remember(person);

        var enrolled = await mfa.IsEnrolledAsync(person.SubjectId, cancellationToken).ConfigureAwait(false);
        if (enrolled || mfaOptions.Value.RequiredGroups.Any(person.IsMemberOf))
        {
            await audit.RecordAsync(new(canonical, SignInOutcome.SecondFactorRequired, enrolled ? "Enrolled" : "EnrolmentRequired", client, person.SubjectId, person.DisplayName), cancellationToken).ConfigureAwait(false);
            return new(PasswordSignInStatus.SecondFactorRequired, person, SecondFactorEnrolled: enrolled);
        }

        await audit.RecordAsync(new(canonical, SignInOutcome.Succeeded, "Password", client, person.SubjectId, person.DisplayName), cancellationToken).ConfigureAwait(false);
        return new(PasswordSignInStatus.SignedIn, person);
    }

    public async Task<PasswordSignInResult> VerifySecondFactorAsync(string subjectId, string login, string code, SignInClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        string[] keys = [ThrottleKey.ForSubject(subjectId)];
        var locked = throttle.Check(keys, client.IpAddress);
        if (locked.IsLocked)
        {
            await audit.RecordAsync(new(login, SignInOutcome.LockedOut, "SecondFactorThrottled", client, subjectId), cancellationToken).ConfigureAwait(false);
            return new(PasswordSignInStatus.LockedOut, RetryAtUtc: locked.RetryAtUtc);
        }

        await WaitAsync(locked.Delay, cancellationToken).ConfigureAwait(false);
        if (!await mfa.VerifyAsync(subjectId, code ?? "", cancellationToken).ConfigureAwait(false))
        {
            var state = throttle.RecordFailure(keys, client.IpAddress);
            await audit.RecordAsync(new(login, SignInOutcome.SecondFactorFailed, "InvalidCode", client, subjectId), cancellationToken).ConfigureAwait(false);
            return state.IsLocked
                ? new(PasswordSignInStatus.LockedOut, RetryAtUtc: state.RetryAtUtc)
                : new(PasswordSignInStatus.Failed);
        }

        throttle.Reset(keys, client.IpAddress);
        await audit.RecordAsync(new(login, SignInOutcome.Succeeded, "PasswordAndTotp", client, subjectId), cancellationToken).ConfigureAwait(false);
        return new(PasswordSignInStatus.SignedIn);
    }

    // No account can have this login, so the directory is not asked; the failure counts against the address only.
    // The audit keeps the length of what was typed, never the value.
    private async Task<PasswordSignInResult> RefuseInvalidLoginAsync(string login, SignInClient client, CancellationToken cancellationToken)
    {
        var recorded = $"(invalid login, {login.Length} chars)";
        var blocked = throttle.GetClientState(client.IpAddress);
        if (blocked.IsLocked)
        {
            await audit.RecordAsync(new(recorded, SignInOutcome.LockedOut, "ClientThrottled", client), cancellationToken).ConfigureAwait(false);
            return new(PasswordSignInStatus.LockedOut, RetryAtUtc: blocked.RetryAtUtc);
        }

        var state = throttle.RecordFailure([], client.IpAddress);
        await audit.RecordAsync(new(recorded, SignInOutcome.Failed, "InvalidLogin", client), cancellationToken).ConfigureAwait(false);
        return state.IsLocked ? new(PasswordSignInStatus.LockedOut, RetryAtUtc: state.RetryAtUtc) : new(PasswordSignInStatus.Failed);
    }

    private Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, timeProvider, cancellationToken) : Task.CompletedTask;

    private string LockReason(SignInClient client) =>
        throttle.GetClientState(client.IpAddress).IsLocked ? "ClientThrottled" : "AccountThrottled";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: the directory is unavailable")]
    private static partial void LogDirectoryUnavailable(ILogger logger, Exception exception);
}
