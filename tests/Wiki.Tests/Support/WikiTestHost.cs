using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Wiki.Tests.Support;

/// <summary>
/// The wiki services wired through <c>AddPortalWiki</c> over a real SQLite database (a private in-memory database whose
/// connection stays open for the host's lifetime). Each <see cref="Scope"/> is a fresh DbContext, like one HTTP request.
/// </summary>
public sealed class WikiTestHost : IAsyncDisposable
{
    private readonly SqliteConnection? _connection;
    private readonly ServiceProvider _services;

    private WikiTestHost(SqliteConnection? connection, ServiceProvider services, FakeTimeProvider time)
    {
        _connection = connection;
        _services = services;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public static WikiActor Alice { get; } = new("alice", "김민지", ["staff"]);

    public static WikiActor Bob { get; } = new("bob", "이서준", ["staff", "hr"]);

    public static WikiActor Admin { get; } = new("admin", "관리자", ["it"], IsAdmin: true);

    public static async Task<WikiTestHost> CreateAsync() => await CreateAsync(null);

    /// <summary>A host over a database file: each scope opens its own connection, so scopes can write at the same time.</summary>
    public static async Task<WikiTestHost> CreateOnFileAsync(string path) => await CreateAsync(path);

    private static async Task<WikiTestHost> CreateAsync(string? path)
    {
        var connection = path is null ? new SqliteConnection("Data Source=:memory:") : null;
        if (connection is not null)
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddDbContext<TestWikiDbContext>(o => _ = connection is null ? o.UseSqlite("Data Source=" + path) : o.UseSqlite(connection));
        services.AddScoped<IWikiDbContext>(sp => sp.GetRequiredService<TestWikiDbContext>());
        services.AddPortalWiki(new ConfigurationBuilder().Build());
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var host = new WikiTestHost(connection, provider, time);
        await using var scope = host.Scope();
        await scope.Db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return host;
    }

    public HostScope Scope() => new(_services.CreateAsyncScope());

    /// <summary>Saves <paramref name="text"/> on top of the current revision as <paramref name="actor"/> and returns the new revision id.</summary>
    public async Task<long> SaveAsync(string title, string text, WikiActor? actor = null, string space = "")
    {
        await using var scope = Scope();
        var current = await scope.Reader.GetPageAsync(space, title, actor ?? Alice, TestContext.Current.CancellationToken);
        var result = await scope.Editor.SaveAsync(
            new WikiSaveRequest(space, title, text, "edit", false, current.Page?.Revision.Id), actor ?? Alice, TestContext.Current.CancellationToken);
        Time.Advance(TimeSpan.FromMinutes(1));
        return result switch
        {
            WikiSaveResult.Saved s => s.Revision.Id,
            _ => throw new InvalidOperationException($"Save failed: {result}"),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    /// <summary>One unit of work.</summary>
    public sealed class HostScope(AsyncServiceScope scope) : IAsyncDisposable
    {
        public TestWikiDbContext Db => scope.ServiceProvider.GetRequiredService<TestWikiDbContext>();

        public IWikiEditor Editor => scope.ServiceProvider.GetRequiredService<IWikiEditor>();

        public IWikiReader Reader => scope.ServiceProvider.GetRequiredService<IWikiReader>();

        public IWikiPageList Pages => scope.ServiceProvider.GetRequiredService<IWikiPageList>();

        public IWikiPageAdmin Admin => scope.ServiceProvider.GetRequiredService<IWikiPageAdmin>();

        public IWikiBlameService Blame => scope.ServiceProvider.GetRequiredService<IWikiBlameService>();

        public IWikiDraftService Drafts => scope.ServiceProvider.GetRequiredService<IWikiDraftService>();

        public IWikiRenderer Renderer => scope.ServiceProvider.GetRequiredService<IWikiRenderer>();

        public IServiceProvider Services => scope.ServiceProvider;

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
