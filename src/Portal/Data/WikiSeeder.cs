using System.Text.Json;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Data;

/// <summary>
/// Writes the demo wiki pages through <see cref="IWikiEditor"/> (so history, links and blame are real) when a page is missing;
/// a page that exists, even edited or deleted, is left alone. Authors are the demo accounts as the directory knows them.
/// </summary>
internal sealed partial class WikiSeeder(
    IServiceScopeFactory scopeFactory,
    IOptions<WikiSeedOptions> options,
    IHostEnvironment environment,
    ILogger<WikiSeeder> logger) : IHostedService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!(settings.Enabled ?? environment.IsDevelopment()))
        {
            return;
        }

        var path = Path.GetFullPath(settings.File, environment.ContentRootPath);
        await using var stream = File.OpenRead(path);
        var pages = await JsonSerializer.DeserializeAsync<List<WikiSeedPage>>(stream, Json, cancellationToken)
            ?? throw new InvalidOperationException($"{path} holds no wiki pages.");
        var created = await SeedAsync(pages, cancellationToken);
        LogSeeded(logger, path, created, pages.Count - created);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the missing pages; returns how many were created.</summary>
    internal async Task<int> SeedAsync(IReadOnlyList<WikiSeedPage> pages, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IWikiDbContext>();
        var editor = scope.ServiceProvider.GetRequiredService<IWikiEditor>();
        var directory = scope.ServiceProvider.GetRequiredService<IDirectoryService>();
        var actors = new Dictionary<string, WikiActor>(StringComparer.Ordinal);
        var created = 0;
        foreach (var page in pages)
        {
            var title = WikiTitle.Parse(page.Title);
            if (await db.WikiPages.AnyAsync(p => p.SpaceKey == title.Space && p.Title == title.Name, cancellationToken))
            {
                continue;
            }

            long? baseRevision = null;
            foreach (var revision in page.Revisions)
            {
                if (!actors.TryGetValue(revision.Author, out var actor))
                {
                    actor = actors[revision.Author] = await ActorAsync(directory, revision.Author, cancellationToken);
                }

                var request = new WikiSaveRequest(WikiTitle.MainSpace, title.LinkTarget, revision.Text, revision.Summary, revision.Minor, baseRevision);
                baseRevision = await editor.SaveAsync(request, actor, cancellationToken) switch
                {
                    WikiSaveResult.Saved saved => saved.Revision.Id,
                    var other => throw new InvalidOperationException($"Seeding wiki page {title} failed: {other}."),
                };
            }

            created++;
        }

        return created;
    }

    private async Task<WikiActor> ActorAsync(IDirectoryService directory, string uid, CancellationToken cancellationToken)
    {
        try
        {
            if (await directory.FindUserAsync(uid, cancellationToken) is { } user)
            {
                return new WikiActor(user.SubjectId, user.DisplayName, [], IsAdmin: true);
            }
        }
        catch (DirectoryUnavailableException)
        {
            LogDirectoryDown(logger, uid);
        }

        // Without the directory the demo author keeps a readable placeholder subject.
        return new WikiActor("demo:" + uid, uid, [], IsAdmin: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wiki demo pages {Path}: {Created} created, {Skipped} already present")]
    private static partial void LogSeeded(ILogger logger, string path, int created, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory unavailable while seeding the wiki; {Uid} is recorded without a directory subject")]
    private static partial void LogDirectoryDown(ILogger logger, string uid);
}
