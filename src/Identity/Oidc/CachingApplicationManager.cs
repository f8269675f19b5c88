using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace GatewayPortal.Identity.Oidc;

/// <summary>
/// OpenIddict's application manager, remembering the applications the OpenID Connect endpoints look up and the client
/// secrets it has verified.
/// <para>
/// Every authorization and token request looks its client up (OpenIddict's own cache lasts one request): inside an
/// OpenIddict request the lookup is answered from <see cref="SharedApplicationCache"/>, shared by all requests of the
/// node, dropped at once when this node changes an application and read again after
/// <see cref="Applications.ApplicationCatalogue.RefreshAfter"/> (another node's change). Those shared rows are only
/// read; administration, seeding and anything outside the endpoints get rows of their own request, as before.
/// </para>
/// <para> A secret is stored as a
/// PBKDF2 hash that costs milliseconds of CPU to check, and confidential applications present it on every
/// token request; a verified (stored hash, secret) pair is remembered for a few minutes as a SHA-256 digest,
/// so rotating the secret (a new stored hash) takes effect at once and no secret is kept in memory.
/// </para>
/// </summary>
internal sealed class CachingApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
    IMemoryCache verified,
    SharedApplicationCache shared,
    IHttpContextAccessor http)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    /// <summary>How long a verified secret is remembered.</summary>
    internal static readonly TimeSpan VerifiedFor = TimeSpan.FromMinutes(10);

    public override async ValueTask<OpenIddictEntityFrameworkCoreApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        // OpenIddict opens a transaction for every request; only its own endpoints have an endpoint type.
        if (http.HttpContext?.Features.Get<OpenIddictServerAspNetCoreFeature>()?.Transaction?.EndpointType is null or OpenIddictServerEndpointType.Unknown)
        {
            return await base.FindByClientIdAsync(identifier, cancellationToken).ConfigureAwait(false);
        }

        var generation = shared.Generation;
        if (shared.TryGet(identifier, generation) is { } cached)
        {
            return cached;
        }

        var application = await base.FindByClientIdAsync(identifier, cancellationToken).ConfigureAwait(false);
        if (application is not null)
        {
            shared.Set(identifier, application, generation);
        }

        return application;
    }

    public override async ValueTask UpdateAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken = default)
    {
        try
        {
            await base.UpdateAsync(application, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            shared.Invalidate();
        }
    }

    public override async ValueTask DeleteAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken = default)
    {
        try
        {
            await base.DeleteAsync(application, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            shared.Invalidate();
        }
    }

    protected override async ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(comparand);
        var key = CacheKey(secret, comparand);
        if (verified.TryGetValue(key, out _))
        {
            return true;
        }

        var valid = await base.ValidateClientSecretAsync(secret, comparand, cancellationToken).ConfigureAwait(false);
        if (valid)
        {
            verified.Set(key, true, VerifiedFor);
        }

        return valid;
    }

    private static string CacheKey(string secret, string comparand)
    {
        var bytes = Encoding.UTF8.GetBytes(comparand + "\n" + secret);
        try
        {
            return "client-secret-verified:" + Convert.ToHexString(SHA256.HashData(bytes));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
