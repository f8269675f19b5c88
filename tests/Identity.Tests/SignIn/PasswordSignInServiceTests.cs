using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.Mfa;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Identity.Throttling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Identity.Tests.SignIn;

/// <summary>The orchestration logic, with an in-memory directory: throttling order, aliases, audit, MFA routing.</summary>
public sealed class PasswordSignInServiceTests : IDisposable
{
    private static readonly SignInClient Client = new("10.1.2.3", "xunit");
    private static readonly DirectoryUser Kim = new("uuid-kim", "uid=kim.minsu,ou=people,dc=x", "kim.minsu", "김민수", "kim.minsu@x", "20100001",
        "총무과", "주무관", "6급", null, false, [new("cn=staff-all,ou=groups,dc=x", "staff-all", null, false)]);

    private static readonly DirectoryUser Choi = Kim with { SubjectId = "uuid-choi", Username = "choi.yuna", Groups = [new("cn=mfa-required,ou=groups,dc=x", "mfa-required", null, false)] };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeDirectory _directory = new();
    private readonly RecordingAudit _audit = new();
    private readonly LoginAliasCache _aliases = new();
    private readonly SignInOptions _signInOptions = new() { RefusalMinimumDuration = TimeSpan.Zero };
    private readonly DirectoryReadCache _reads;
    private readonly PasswordSignInService _service;

    public PasswordSignInServiceTests()
    {
        var throttle = new InMemorySignInThrottle(new TestOptionsMonitor<SignInThrottleOptions>(new SignInThrottleOptions()), _time);
        _reads = new DirectoryReadCache(_directory, _time);
        _service = new PasswordSignInService(_directory, throttle, _audit, new NoMfa(), _aliases, _reads,
            Options.Create(new MfaOptions { RequiredGroups = { "mfa-required" } }), Options.Create(_signInOptions), _time, NullLogger<PasswordSignInService>.Instance);
    }

    public void Dispose()
    {
        _aliases.Dispose();
        _reads.Dispose();
    }

    [Fact]
    public async Task SignInAsync_RightPassword_LeavesTheReadForTheApplicationSignInsThatFollow()
    {
        await _service.SignInAsync("kim.minsu", "right", Client, TestContext.Current.CancellationToken);

        // The directory is never asked by subject here (the fake throws): the sign-in's own read answers.
        var person = await _reads.FindBySubjectAsync("uuid-kim", TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal("uuid-kim", person?.SubjectId);
    }

    [Fact]
    public async Task SignInAsync_WrongPassword_LeavesNoRead()
    {
        await _service.SignInAsync("kim.minsu", "wrong", Client, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<NotSupportedException>(() => _reads.FindBySubjectAsync("uuid-kim", TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken).AsTask());
    }

    [Fact]
    public async Task SignInAsync_RightPassword_SignsInAndAuditsSuccess()
    {
        var result = await _service.SignInAsync("kim.minsu", "right", Client, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordSignInStatus.SignedIn, result.Status);
        Assert.Equal("uuid-kim", result.User!.SubjectId);
        var entry = Assert.Single(_audit.Events);
        Assert.Equal(SignInOutcome.Succeeded, entry.Outcome);
        Assert.Equal("10.1.2.3", entry.Client.IpAddress);
    }

    [Theory]
    [InlineData("kim.minsu", "wrong", "InvalidPassword")]
    [InlineData("nobody", "whatever", "UnknownUser")]
    [InlineData("jung.disabled", "right", "AccountDisabled")]
    public async Task SignInAsync_AnyFailure_ReturnsTheSameGenericStatus(string login, string password, string reason)
    {
        var result = await _service.SignInAsync(login, password, Client, TestContext.Current.CancellationToken);

        // One status for all three: the page cannot tell an unknown user from a wrong password.
        Assert.Equal(PasswordSignInStatus.Failed, result.Status);
        Assert.Null(result.User);
        Assert.Equal(reason, Assert.Single(_audit.Events).Reason);
    }

    [Fact]
    public async Task SignInAsync_FiveWrongPasswords_LocksAndStopsAskingTheDirectory()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(PasswordSignInStatus.Failed, (await _service.SignInAsync("kim.minsu", "wrong", Client, TestContext.Current.CancellationToken)).Status);
        }

        var fifth = await _service.SignInAsync("kim.minsu", "wrong", Client, TestContext.Current.CancellationToken);
        var callsBefore = _directory.Calls;
        var sixth = await _service.SignInAsync("kim.minsu", "right", Client, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordSignInStatus.LockedOut, fifth.Status);
        Assert.Equal(_time.GetUtcNow().AddMinutes(15), fifth.RetryAtUtc);
        Assert.Equal(PasswordSignInStatus.LockedOut, sixth.Status);
        Assert.Equal(callsBefore, _directory.Calls);
        Assert.Equal(SignInOutcome.LockedOut, _audit.Events[^1].Outcome);
    }

    [Fact]
    public async Task SignInAsync_LockedUnderUid_StaysLockedWhenSigningInByMail()
    {
        for (var i = 0; i < 5; i++)
        {
            await _service.SignInAsync("kim.minsu", "wrong", Client, TestContext.Current.CancellationToken);
        }

        var byMail = await _service.SignInAsync("kim.minsu@x", "right", Client, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordSignInStatus.LockedOut, byMail.Status);
    }

    [Fact]
    public async Task SignInAsync_LockoutExpired_AllowsSignInAgain()
    {
        for (var i = 0; i < 5; i++)
        {
            await _service.SignInAsync("kim.minsu", "wrong", Client, TestContext.Current.CancellationToken);
        }

        _time.Advance(TimeSpan.FromMinutes(15).Add(TimeSpan.FromSeconds(1)));
        var result = await _service.SignInAsync("kim.minsu", "right", Client, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordSignInStatus.SignedIn, result.Status);
    }

    [Fact]
    public async Task SignInAsync_DirectoryDown_ReportsUnavailableAndAuditsIt()
    {
        _directory.Down = true;

        var result = await _service.SignInAsync("kim.minsu", "right", Client, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordSignInStatus.DirectoryUnavailable, result.Status);
        Assert.Equal(SignInOutcome.DirectoryUnavailable, Assert.Single(_audit.Events).Outcome);
    }

    [Fact]
    public async Task SignInAsync_MemberOfRequiredGroup_AsksForSecondFactorEnrolment()
    {
        var result = await _service.SignInAsync("choi.yuna", "right", Client, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordSignInStatus.SecondFactorRequired, result.Status);
        Assert.False(result.SecondFactorEnrolled);
        Assert.Equal(SignInOutcome.SecondFactorRequired, Assert.Single(_audit.Events).Outcome);
    }

    [Fact]
    public async Task SignInAsync_StrangerFailsFromOtherAddresses_PersonStillSignsInFromTheirOwn()
    {
        // Arrange: twenty wrong passwords for kim.minsu from four other addresses (issue #13: anyone could lock anyone out).
        for (var i = 0; i < 20; i++)
        {
            await RunAsync(_service.SignInAsync("kim.minsu", "wrong", new SignInClient($"10.6.6.{i % 4}", "attacker"), TestContext.Current.CancellationToken));
        }

        // Act
        var result = await RunAsync(_service.SignInAsync("kim.minsu", "right", Client, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(PasswordSignInStatus.SignedIn, result.Status);
    }

    [Theory]
    [InlineData("\uFF4B\uFF49\uFF4D.\uFF4D\uFF49\uFF4E\uFF53\uFF55")] // full-width letters (Korean IME)
    [InlineData("\u212Aim.minsu")] // Kelvin sign
    [InlineData("kim.min\u017Fu")] // long s
    [InlineData("\u24DAim.minsu")] // circled letter
    [InlineData("\uD835\uDC24im.minsu")] // mathematical bold k
    [InlineData("kim.minsu\u00A0")] // trailing no-break space
    [InlineData("\u3000KIM.Minsu")] // ideographic space, upper case
    public async Task SignInAsync_CompatibilitySpelling_SignsInAsTheCanonicalLogin(string login)
    {
        // Act
        var result = await _service.SignInAsync(login, "right", Client, TestContext.Current.CancellationToken);

        // Assert: the directory, the throttle and the audit all see "kim.minsu".
        Assert.Equal(PasswordSignInStatus.SignedIn, result.Status);
        Assert.Equal("kim.minsu", _directory.LastLogin);
        Assert.Equal("kim.minsu", Assert.Single(_audit.Events).Login);
    }

    [Fact]
    public async Task SignInAsync_FailuresUnderFiveSpellings_CountAsOneLogin()
    {
        // Arrange: kim.minsu is unknown to the alias cache, so only the login key can tie the spellings together.
        string[] spellings = ["kim.minsu", "\uFF4Bim.minsu", "\u212Aim.minsu", "kim.min\u017Fu", "kim.minsu\u00A0"];
        var results = new List<PasswordSignInResult>();

        // Act
        foreach (var spelling in spellings)
        {
            results.Add(await RunAsync(_service.SignInAsync(spelling, "wrong", Client, TestContext.Current.CancellationToken)));
        }

        // Assert
        Assert.Equal(PasswordSignInStatus.LockedOut, results[^1].Status);
        Assert.All(_audit.Events, e => Assert.Equal("kim.minsu", e.Login));
    }

    [Theory]
    [InlineData("k\u0130m.minsu")] // dotted capital I: no ASCII login folds to it
    [InlineData("kim.\u200Bminsu")] // zero-width space
    [InlineData("\uAE40\uBBFC\uC218")] // Hangul
    [InlineData("kim minsu")] // inner space
    [InlineData("kim.minsu*")] // filter wildcard
    public async Task SignInAsync_OutsideTheLoginAlphabet_IsRefusedWithoutAskingTheDirectory(string login)
    {
        // Act
        var result = await _service.SignInAsync(login, "right", Client, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(PasswordSignInStatus.Failed, result.Status);
        Assert.Equal(0, _directory.Calls);
        Assert.Equal("InvalidLogin", Assert.Single(_audit.Events).Reason);
    }

    [Theory]
    [InlineData("kim.minsu", "wrong")]
    [InlineData("nobody", "wrong")]
    [InlineData("jung.disabled", "right")]
    [InlineData("k\u0130m.minsu", "right")]
    public async Task SignInAsync_AnyRefusal_AnswersNoSoonerThanTheFloor(string login, string password)
    {
        // Arrange
        _signInOptions.RefusalMinimumDuration = TimeSpan.FromMilliseconds(200);

        // Act
        var task = _service.SignInAsync(login, password, Client, TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        var doneAtStart = task.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(199));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        var doneBeforeFloor = task.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // Assert
        Assert.False(doneAtStart);
        Assert.False(doneBeforeFloor);
        Assert.Equal(PasswordSignInStatus.Failed, result.Status);
    }

    [Fact]
    public async Task SignInAsync_RightPassword_IsNotPaddedToTheFloor()
    {
        // Arrange
        _signInOptions.RefusalMinimumDuration = TimeSpan.FromSeconds(5);

        // Act: the fake clock never moves, so a padded answer would never come.
        var result = await _service.SignInAsync("kim.minsu", "right", Client, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(PasswordSignInStatus.SignedIn, result.Status);
    }

    // Completes a sign-in that may wait on the throttle's delay, moving the fake clock a second at a time.
    private async Task<T> RunAsync<T>(Task<T> task)
    {
        while (!task.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        return await task;
    }

    private sealed class FakeDirectory : IDirectoryService
    {
        public bool Down { get; set; }

        public int Calls { get; private set; }

        public string? LastLogin { get; private set; }

        public Task<DirectoryAuthenticationResult> AuthenticateAsync(string login, string password, CancellationToken cancellationToken = default)
        {
            Calls++;
            LastLogin = login;
            if (Down)
            {
                throw new DirectoryUnavailableException("down");
            }

            var user = login switch
            {
                "kim.minsu" or "kim.minsu@x" => Kim,
                "choi.yuna" => Choi,
                "jung.disabled" => Kim with { SubjectId = "uuid-jung", IsDisabled = true },
                _ => null,
            };
            return Task.FromResult(user switch
            {
                null => DirectoryAuthenticationResult.Failure(DirectoryAuthenticationStatus.UnknownUser),
                { IsDisabled: true } => DirectoryAuthenticationResult.Failure(DirectoryAuthenticationStatus.AccountDisabled, user),
                _ when password == "right" => DirectoryAuthenticationResult.Success(user),
                _ => DirectoryAuthenticationResult.Failure(DirectoryAuthenticationStatus.InvalidPassword, user),
            });
        }

        public Task<DirectoryUser?> FindUserAsync(string login, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<DirectoryPerson>> ListPeopleAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DirectoryUser?> FindUserBySubjectAsync(string subjectId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DirectoryHealth> CheckHealthAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class RecordingAudit : ISignInAuditLog
    {
        public List<SignInAuditEvent> Events { get; } = [];

        public ValueTask RecordAsync(SignInAuditEvent auditEvent, CancellationToken cancellationToken = default)
        {
            Events.Add(auditEvent);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class NoMfa : IMfaService
    {
        public Task<bool> IsEnrolledAsync(string subjectId, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<MfaEnrollmentStart> BeginEnrollmentAsync(string subjectId, string accountLabel, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>?> ConfirmEnrollmentAsync(string subjectId, string code, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> VerifyAsync(string subjectId, string code, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
