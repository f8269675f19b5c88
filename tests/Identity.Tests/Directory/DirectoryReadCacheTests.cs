using GatewayPortal.Identity.Directory;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Identity.Tests.Directory;

public sealed class DirectoryReadCacheTests : IDisposable
{
    private static readonly DirectoryUser Kim = new("uuid-kim", "uid=kim,ou=people,dc=x", "kim", "김민수", null, null, null, null, null, null, false, []);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingDirectory _directory = new();
    private readonly DirectoryReadCache _cache;

    public DirectoryReadCacheTests() => _cache = new DirectoryReadCache(_directory, _time);

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task FindBySubject_WithinMaxAge_AnswersFromTheLastRead()
    {
        _directory.People["uuid-kim"] = Kim;
        await _cache.FindBySubjectAsync("uuid-kim", TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(59));

        var again = await _cache.FindBySubjectAsync("uuid-kim", TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Same(Kim, again);
        Assert.Equal(1, _directory.Reads);
    }

    [Fact]
    public async Task FindBySubject_PersonDisabledAfterTheRead_IsSeenOnceTheReadIsOlderThanMaxAge()
    {
        _directory.People["uuid-kim"] = Kim;
        await _cache.FindBySubjectAsync("uuid-kim", TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        _directory.People["uuid-kim"] = Kim with { IsDisabled = true };
        _time.Advance(TimeSpan.FromSeconds(60));

        var now = await _cache.FindBySubjectAsync("uuid-kim", TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.True(now?.IsDisabled);
        Assert.Equal(2, _directory.Reads);
    }

    [Fact]
    public async Task FindBySubject_ZeroMaxAge_AlwaysReadsAndRefreshesWhatOthersSee()
    {
        _directory.People["uuid-kim"] = Kim;
        await _cache.FindBySubjectAsync("uuid-kim", TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        _directory.People["uuid-kim"] = Kim with { IsDisabled = true };

        // The session revalidation reads afresh; a grant that accepts a 60 s old read sees that fresh read.
        await _cache.FindBySubjectAsync("uuid-kim", TimeSpan.Zero, TestContext.Current.CancellationToken);
        var grant = await _cache.FindBySubjectAsync("uuid-kim", TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.True(grant?.IsDisabled);
        Assert.Equal(2, _directory.Reads);
    }

    [Fact]
    public async Task FindBySubject_PersonGone_IsRememberedAsAbsent()
    {
        await _cache.FindBySubjectAsync("uuid-gone", TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        var again = await _cache.FindBySubjectAsync("uuid-gone", TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Null(again);
        Assert.Equal(1, _directory.Reads);
    }

    [Fact]
    public async Task FindBySubject_DirectoryDownAndNoRecentRead_Throws()
    {
        _directory.Down = true;

        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => _cache.FindBySubjectAsync("uuid-kim", TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken).AsTask());
    }

    [Fact]
    public async Task Forget_MakesTheNextCheckReadTheDirectory()
    {
        _cache.Remember(Kim);
        _directory.People["uuid-kim"] = Kim with { Groups = [new DirectoryGroup("cn=new,dc=x", "new", null, true)] };
        _cache.Forget("uuid-kim");

        var now = await _cache.FindBySubjectAsync("uuid-kim", TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.True(now?.IsMemberOf("new"));
    }

    private sealed class CountingDirectory : IDirectoryService
    {
        public Dictionary<string, DirectoryUser> People { get; } = new(StringComparer.Ordinal);

        public bool Down { get; set; }

        public int Reads { get; private set; }

        public Task<DirectoryUser?> FindUserBySubjectAsync(string subjectId, CancellationToken cancellationToken = default)
        {
            Reads++;
            return Down ? throw new DirectoryUnavailableException("down") : Task.FromResult(People.GetValueOrDefault(subjectId));
        }

        public Task<DirectoryAuthenticationResult> AuthenticateAsync(string login, string password, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DirectoryUser?> FindUserAsync(string login, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<DirectoryPerson>> ListPeopleAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DirectoryHealth> CheckHealthAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
