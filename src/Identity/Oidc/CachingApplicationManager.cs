using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace GatewayPortal.Identity.Oidc;

/// <summary>
/// OpenIddict's application manager, remembering client secrets it has verified. A secret is stored as a
/// PBKDF2 hash that costs milliseconds of CPU to check, and confidential applications present it on every
/// token request; a verified (stored hash, secret) pair is remembered for a few minutes as a SHA-256 digest,
/// so rotating the secret (a new stored hash) takes effect at once and no secret is kept in memory.
/// </summary>
internal sealed class CachingApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
    IMemoryCache verified)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    /// <summary>How long a verified secret is remembered.</summary>
    internal static readonly TimeSpan VerifiedFor = TimeSpan.FromMinutes(10);

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
