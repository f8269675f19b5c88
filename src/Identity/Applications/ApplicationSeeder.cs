using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace GatewayPortal.Identity.Applications;

/// <summary>
/// Creates the catalogue's applications at startup: our row and the OpenIddict client, each only when missing,
/// so an application an administrator has edited is never overwritten.
/// </summary>
internal sealed partial class ApplicationSeeder(
    IServiceScopeFactory scopeFactory,
    ApplicationCatalogue catalogue,
    IOptions<ApplicationSeedOptions> options,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<ApplicationSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!(settings.Enabled ?? environment.IsDevelopment()))
        {
            return;
        }

        var path = Path.GetFullPath(settings.File, environment.ContentRootPath);
        var entries = await ApplicationCatalogFile.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        var result = await SeedAsync(entries, cancellationToken).ConfigureAwait(false);
        LogSeeded(logger, path, result.RowsCreated, result.ClientsCreated, result.Skipped);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Seeds <paramref name="entries"/>; safe to run again.</summary>
    internal async Task<ApplicationSeedResult> SeedAsync(IReadOnlyList<ApplicationSeedEntry> entries, CancellationToken cancellationToken)
    {
        var scope = scopeFactory.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<IApplicationsDbContext>();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        var existingRows = (await db.Applications.AsNoTracking().Select(a => a.ClientId).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        int rowsCreated = 0, clientsCreated = 0, skipped = 0;
        foreach (var entry in entries)
        {
            var created = false;
            if (await manager.FindByClientIdAsync(entry.ClientId, cancellationToken).ConfigureAwait(false) is null)
            {
                await manager.CreateAsync(ApplicationSeedMapper.ToDescriptor(entry), cancellationToken).ConfigureAwait(false);
                clientsCreated++;
                created = true;
            }

            if (existingRows.Add(entry.ClientId))
            {
                db.Applications.Add(ApplicationSeedMapper.ToEntity(entry, now));
                rowsCreated++;
                created = true;
            }

            skipped += created ? 0 : 1;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        catalogue.Invalidate();
        return new ApplicationSeedResult(rowsCreated, clientsCreated, skipped);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Application catalogue {Path}: {RowsCreated} applications and {ClientsCreated} OpenIddict clients created, {Skipped} already present")]
    private static partial void LogSeeded(ILogger logger, string path, int rowsCreated, int clientsCreated, int skipped);
}
