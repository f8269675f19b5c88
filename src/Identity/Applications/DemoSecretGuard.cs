using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace GatewayPortal.Identity.Applications;

/// <summary>
/// Refuses to start outside Development while any confidential application's client secret is one of the
/// <see cref="DemoSecrets"/>: the error names the client ids, never the secret. With
/// <see cref="ApplicationSeedOptions.ReplaceDemoSecrets"/> it replaces those secrets with random ones instead.
/// </summary>
internal sealed partial class DemoSecretGuard(
    IServiceScopeFactory scopeFactory,
    IOptions<ApplicationSeedOptions> options,
    IHostEnvironment environment,
    ILogger<DemoSecretGuard> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment() || options.Value.AllowDemoSecrets && !environment.IsProduction())
        {
            return;
        }

        var secrets = await DemoSecrets.LoadAsync(environment.ContentRootPath, cancellationToken).ConfigureAwait(false);
        var offenders = await FindAsync(secrets, cancellationToken).ConfigureAwait(false);
        if (offenders.Count == 0)
        {
            return;
        }

        var clients = string.Join(", ", offenders);
        if (options.Value.ReplaceDemoSecrets)
        {
            await ReplaceAsync(offenders, cancellationToken).ConfigureAwait(false);
            LogReplaced(logger, clients);
            return;
        }

        LogRefused(logger, environment.EnvironmentName, clients);
        throw new InvalidOperationException(
            $"Refusing to start in {environment.EnvironmentName}: the client secret of {clients} is a demo secret published in the repository. "
            + "Start once with Applications:Seed:ReplaceDemoSecrets=true to give them random secrets, then issue new ones "
            + "(administration, Applications, New secret), or delete those applications; demo data belongs in Development only "
            + "(Applications:Seed:Enabled is off outside Development).");
    }

    // A random secret nobody is told: the published one stops working at once.
    private async Task ReplaceAsync(IReadOnlyList<string> clientIds, CancellationToken cancellationToken)
    {
        var scope = scopeFactory.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var clientId in clientIds)
        {
            var application = await manager.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Application {clientId} disappeared while its demo secret was replaced.");
            var descriptor = new OpenIddictApplicationDescriptor();
            await manager.PopulateAsync(descriptor, application, cancellationToken).ConfigureAwait(false);
            descriptor.ClientSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            await manager.UpdateAsync(application, descriptor, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The client ids of confidential applications whose secret is one of <paramref name="secrets"/>.</summary>
    internal async Task<IReadOnlyList<string>> FindAsync(IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        var scope = scopeFactory.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        List<string> offenders = [];
        await foreach (var application in manager.ListAsync(count: null, offset: null, cancellationToken).ConfigureAwait(false))
        {
            if (!await manager.HasClientTypeAsync(application, OpenIddictConstants.ClientTypes.Confidential, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            foreach (var secret in secrets)
            {
                if (await manager.ValidateClientSecretAsync(application, secret, cancellationToken).ConfigureAwait(false))
                {
                    offenders.Add(await manager.GetClientIdAsync(application, cancellationToken).ConfigureAwait(false) ?? "(no client id)");
                    break;
                }
            }
        }

        offenders.Sort(StringComparer.Ordinal);
        return offenders;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applications {ClientIds} had a demo client secret published in the repository: each now has a random secret; issue a new one in the administration")]
    private static partial void LogReplaced(ILogger logger, string clientIds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Refusing to start in {Environment}: applications {ClientIds} use a demo client secret published in the repository")]
    private static partial void LogRefused(ILogger logger, string environment, string clientIds);
}
