using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace GatewayPortal.Identity.Oidc.Keys;

/// <summary>
/// The provider's signing and encryption keys, kept in the database and rotated on a schedule:
/// a key is published <see cref="OidcProviderOptions.KeyPrePublication"/> before it signs, signs for
/// <see cref="OidcProviderOptions.KeyLifetime"/>, then stays published for
/// <see cref="OidcProviderOptions.KeyRetention"/> so tokens it signed still validate.
/// </summary>
public sealed partial class OidcKeyRing(
    IServiceScopeFactory scopeFactory,
    IDataProtectionProvider dataProtection,
    IOptionsMonitor<OidcProviderOptions> options,
    TimeProvider time,
    ILogger<OidcKeyRing> logger) : IDisposable
{
    /// <summary>Key use for signing.</summary>
    public const string SigningUse = "sig";

    /// <summary>Key use for encryption.</summary>
    public const string EncryptionUse = "enc";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("GatewayPortal.Identity.Oidc.Keys.v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationTokenSource _changed = new();
    private CancellationTokenSource _validationChanged = new();
    private volatile OidcKeySet _current = OidcKeySet.Empty;
    private volatile string? _stamp;

    /// <summary>The keys in force now.</summary>
    public OidcKeySet Current => _current;

    /// <summary>Fires when the keys in force change (OpenIddict's server options are rebuilt).</summary>
    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    /// <summary>
    /// Fires right after <see cref="GetChangeToken"/>: local validation copies the server's keys when it is
    /// rebuilt, so it must be rebuilt after the server options, never in the same callback round.
    /// </summary>
    public IChangeToken GetValidationChangeToken() => new CancellationChangeToken(_validationChanged.Token);

    /// <summary>Creates keys the schedule calls for, then loads what is in force. Safe to call often.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var scope = scopeFactory.CreateAsyncScope();
            await using var scopeDisposal = scope.ConfigureAwait(false);
            var db = scope.ServiceProvider.GetRequiredService<IOidcDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var signing = await EnsureAsync(db, SigningUse, now, cancellationToken).ConfigureAwait(false);
            var encryption = await EnsureAsync(db, EncryptionUse, now, cancellationToken).ConfigureAwait(false);
            Publish(new OidcKeySet(signing, encryption));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Retires the keys in use now (e.g. after a suspected leak); the next keys take over at once.</summary>
    public Task RotateNowAsync(CancellationToken cancellationToken = default) => RotateNowAsync(null, cancellationToken);

    /// <summary>
    /// Retires the key of <paramref name="use"/> in use now (both uses when null): it stops signing or encrypting at once
    /// and stays published for <see cref="OidcProviderOptions.KeyRetention"/>; the next key takes over at once.
    /// </summary>
    /// <returns>The keys that were retired.</returns>
    public async Task<IReadOnlyList<string>> RotateNowAsync(string? use, CancellationToken cancellationToken = default)
    {
        var retired = new List<string>();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var scope = scopeFactory.CreateAsyncScope();
            await using var scopeDisposal = scope.ConfigureAwait(false);
            var db = scope.ServiceProvider.GetRequiredService<IOidcDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var retention = options.CurrentValue.KeyRetention;
            var active = await db.OidcKeys.Where(k => k.ActivatesUtc <= now && k.RetiresUtc > now && (use == null || k.Use == use))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var key in active)
            {
                key.RetiresUtc = now;
                key.ExpiresUtc = now + retention;
                retired.Add(key.Id);
                LogRetired(logger, key.Id, key.Use);
            }

            // The replacement goes in with the retirement (one transaction): another node polling in between never
            // sees a use without a key in force, and so never generates a second replacement of its own.
            foreach (var retiredUse in active.Select(k => k.Use).Distinct())
            {
                await ReplaceAsync(db, retiredUse, now, cancellationToken).ConfigureAwait(false);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return retired;
    }

    /// <summary>
    /// Takes the key <paramref name="keyId"/> out of the key set at once (a leaked key): tokens it signed stop validating.
    /// The key in use for its purpose is only retired with <paramref name="replace"/> (a new key takes over in the same step).
    /// </summary>
    public async Task<OidcKeyRetirement> RetireAsync(string keyId, bool replace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var scope = scopeFactory.CreateAsyncScope();
            await using var scopeDisposal = scope.ConfigureAwait(false);
            var db = scope.ServiceProvider.GetRequiredService<IOidcDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var key = await db.OidcKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken).ConfigureAwait(false);
            if (key is null)
            {
                return OidcKeyRetirement.NotFound;
            }

            if (key.ExpiresUtc <= now)
            {
                return OidcKeyRetirement.AlreadyRetired;
            }

            if (key.ActivatesUtc <= now && key.RetiresUtc > now && !replace)
            {
                return OidcKeyRetirement.InUse;
            }

            var inUse = key.ActivatesUtc <= now && key.RetiresUtc > now;
            key.RetiresUtc = key.RetiresUtc < now ? key.RetiresUtc : now;
            key.ActivatesUtc = key.ActivatesUtc < now ? key.ActivatesUtc : now;
            key.ExpiresUtc = now;
            if (inUse)
            {
                await ReplaceAsync(db, key.Use, now, cancellationToken).ConfigureAwait(false);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            LogWithdrawn(logger, key.Id, key.Use);
        }
        finally
        {
            _gate.Release();
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return OidcKeyRetirement.Retired;
    }

    /// <summary>Every key in the table with its schedule (no key material), newest first.</summary>
    public async Task<IReadOnlyList<OidcKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var scope = scopeFactory.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<IOidcDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var keys = await db.OidcKeys.AsNoTracking()
            .Select(k => new { k.Id, k.Use, k.CreatedUtc, k.ActivatesUtc, k.RetiresUtc, k.ExpiresUtc })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return keys
            .Select(k => new OidcKeyInfo(k.Id, k.Use, k.Use == SigningUse ? SecurityAlgorithms.RsaSha256 : SecurityAlgorithms.RsaOAEP, k.CreatedUtc, k.ActivatesUtc, k.RetiresUtc, k.ExpiresUtc, OidcKeyInfo.StatusAt(k.ActivatesUtc, k.RetiresUtc, k.ExpiresUtc, now)))
            .OrderByDescending(k => k.ActivatesUtc).ThenBy(k => k.Use, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Reloads the keys when another node or the operator command line changed them (or a scheduled change fell due):
    /// one small query of the keys' schedules, no key material. Called every <see cref="OidcProviderOptions.KeyRefreshInterval"/>.
    /// </summary>
    /// <returns>True when the keys were reloaded.</returns>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        string stamp;
        var scope = scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<IOidcDbContext>();
            var rows = await db.OidcKeys.AsNoTracking().Where(k => k.ExpiresUtc > now)
                .Select(k => new { k.Id, k.ActivatesUtc, k.RetiresUtc })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            stamp = string.Join(',', rows.OrderBy(r => r.Id, StringComparer.Ordinal)
                .Select(r => r.Id + ":" + (r.ActivatesUtc > now ? "u" : r.RetiresUtc > now ? "a" : "r")));
        }

        if (stamp == _stamp)
        {
            return false;
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        _stamp = stamp;
        return true;
    }

    /// <summary>Puts the upcoming key of <paramref name="use"/> in force now, or a new one when none is upcoming (not saved).</summary>
    private async Task ReplaceAsync(IOidcDbContext db, string use, DateTime now, CancellationToken cancellationToken)
    {
        var upcoming = await db.OidcKeys.Where(k => k.Use == use && k.ActivatesUtc > now && k.ExpiresUtc > now)
            .OrderBy(k => k.ActivatesUtc).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (upcoming is not null)
        {
            upcoming.ActivatesUtc = now;
        }
        else
        {
            db.OidcKeys.Add(Generate(use, now, now, options.CurrentValue));
        }
    }

    private async Task<IReadOnlyList<RsaSecurityKey>> EnsureAsync(IOidcDbContext db, string use, DateTime now, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var keys = await db.OidcKeys.Where(k => k.Use == use && k.ExpiresUtc > now).ToListAsync(cancellationToken).ConfigureAwait(false);
        var active = keys.Where(k => k.ActivatesUtc <= now && k.RetiresUtc > now).MaxBy(k => k.ActivatesUtc);
        if (active is null)
        {
            // An upcoming key takes over early rather than generating yet another one.
            active = keys.Where(k => k.ActivatesUtc > now).MinBy(k => k.ActivatesUtc);
            if (active is not null)
            {
                active.ActivatesUtc = now;
            }
            else
            {
                active = Generate(use, now, now, o);
                keys.Add(active);
                db.OidcKeys.Add(active);
            }
        }

        if (active.RetiresUtc - now <= o.KeyPrePublication && !keys.Any(k => k.ActivatesUtc >= active.RetiresUtc))
        {
            var next = Generate(use, now, active.RetiresUtc, o);
            keys.Add(next);
            db.OidcKeys.Add(next);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // In use first, then upcoming (published ahead), then retired (still validating old tokens).
        var ordered = new[] { active }
            .Concat(keys.Where(k => k.ActivatesUtc > now).OrderBy(k => k.ActivatesUtc))
            .Concat(keys.Where(k => k != active && k.RetiresUtc <= now).OrderByDescending(k => k.RetiresUtc));
        return ordered.Select(Load).ToList();
    }

    private OidcKey Generate(string use, DateTime now, DateTime activates, OidcProviderOptions o)
    {
        using var rsa = RSA.Create(2048);
        var key = new OidcKey
        {
            Id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12)),
            Use = use,
            ProtectedKey = _protector.Protect(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())),
            CreatedUtc = now,
            ActivatesUtc = activates,
            RetiresUtc = activates + o.KeyLifetime,
            ExpiresUtc = activates + o.KeyLifetime + o.KeyRetention,
        };
        LogGenerated(logger, key.Id, use, activates);
        return key;
    }

    private RsaSecurityKey Load(OidcKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(_protector.Unprotect(key.ProtectedKey)), out _);
        return new RsaSecurityKey(rsa) { KeyId = key.Id };
    }

    private void Publish(OidcKeySet set)
    {
        var previous = _current;
        _current = set;
        if (previous.Fingerprint != set.Fingerprint)
        {
            Signal(ref _changed);
            Signal(ref _validationChanged);
        }
    }

    private static void Signal(ref CancellationTokenSource source)
    {
        var old = Interlocked.Exchange(ref source, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _changed.Dispose();
        _validationChanged.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated OIDC {Use} key {KeyId}, in use from {Activates:u}")]
    private static partial void LogGenerated(ILogger logger, string keyId, string use, DateTime activates);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retired OIDC {Use} key {KeyId} ahead of schedule")]
    private static partial void LogRetired(ILogger logger, string keyId, string use);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Withdrew OIDC {Use} key {KeyId} from the key set: tokens it signed or encrypted no longer validate")]
    private static partial void LogWithdrawn(ILogger logger, string keyId, string use);
}
