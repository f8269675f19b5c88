using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace GatewayPortal.Identity.Oidc.Keys;

/// <summary>
/// The provider's signing and encryption keys, kept in the database and rotated on a schedule, one key of each kind of
/// <see cref="OidcKeyAlgorithms.InForce"/> in force at a time (ES256 and RS256 signing keys, an AES key for the tokens only
/// the portal reads): a key is published <see cref="OidcProviderOptions.KeyPrePublication"/> before it signs, signs for
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
            var keys = await db.OidcKeys.Where(k => k.ExpiresUtc > now).ToListAsync(cancellationToken).ConfigureAwait(false);
            Upgrade(keys, now);
            var inForce = new List<OidcKey>();
            foreach (var algorithm in OidcKeyAlgorithms.InForce)
            {
                inForce.Add(Ensure(db, keys, algorithm, now));
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            Publish(Load(keys, inForce, now));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Retires the keys in use now (e.g. after a suspected leak); the next keys take over at once.</summary>
    public Task RotateNowAsync(CancellationToken cancellationToken = default) => RotateNowAsync(null, cancellationToken);

    /// <summary>
    /// Retires the keys in use now of <paramref name="selector"/>: a use ("sig": the ES256 and RS256 keys; "enc"), one
    /// algorithm of <see cref="OidcKeyAlgorithms.InForce"/>, or every kind when null. They stop signing or encrypting at
    /// once and stay published for <see cref="OidcProviderOptions.KeyRetention"/>; the next keys take over at once.
    /// </summary>
    /// <returns>The keys that were retired.</returns>
    public async Task<IReadOnlyList<string>> RotateNowAsync(string? selector, CancellationToken cancellationToken = default)
    {
        var kinds = OidcKeyAlgorithms.InForce.Where(a => selector is null || selector == a || selector == OidcKeyAlgorithms.UseOf(a)).ToList();
        if (kinds.Count == 0)
        {
            throw new ArgumentException($"'{selector}' is neither a key use (sig, enc) nor an algorithm in force ({string.Join(", ", OidcKeyAlgorithms.InForce)}).", nameof(selector));
        }

        var retired = new List<string>();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var scope = scopeFactory.CreateAsyncScope();
            await using var scopeDisposal = scope.ConfigureAwait(false);
            var db = scope.ServiceProvider.GetRequiredService<IOidcDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var retention = options.CurrentValue.KeyRetention;
            var active = (await db.OidcKeys.Where(k => k.ActivatesUtc <= now && k.RetiresUtc > now)
                .ToListAsync(cancellationToken).ConfigureAwait(false)).Where(k => kinds.Contains(OidcKeyAlgorithms.Of(k))).ToList();
            foreach (var key in active)
            {
                key.RetiresUtc = now;
                key.ExpiresUtc = now + retention;
                retired.Add(key.Id);
                LogRetired(logger, key.Id, key.Use);
            }

            // The replacement goes in with the retirement (one transaction): another node polling in between never
            // sees a use without a key in force, and so never generates a second replacement of its own.
            foreach (var kind in active.Select(OidcKeyAlgorithms.Of).Distinct())
            {
                await ReplaceAsync(db, kind, now, cancellationToken).ConfigureAwait(false);
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

            if (key.ActivatesUtc <= now && key.RetiresUtc > now && OidcKeyAlgorithms.InForce.Contains(OidcKeyAlgorithms.Of(key)) && !replace)
            {
                return OidcKeyRetirement.InUse;
            }

            var inUse = key.ActivatesUtc <= now && key.RetiresUtc > now && OidcKeyAlgorithms.InForce.Contains(OidcKeyAlgorithms.Of(key));
            key.RetiresUtc = key.RetiresUtc < now ? key.RetiresUtc : now;
            key.ActivatesUtc = key.ActivatesUtc < now ? key.ActivatesUtc : now;
            key.ExpiresUtc = now;
            if (inUse)
            {
                await ReplaceAsync(db, OidcKeyAlgorithms.Of(key), now, cancellationToken).ConfigureAwait(false);
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
            .Select(k => new OidcKey { Id = k.Id, Use = k.Use, Algorithm = k.Algorithm, CreatedUtc = k.CreatedUtc, ActivatesUtc = k.ActivatesUtc, RetiresUtc = k.RetiresUtc, ExpiresUtc = k.ExpiresUtc })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return keys
            .Select(k => new OidcKeyInfo(k.Id, k.Use, OidcKeyAlgorithms.Of(k), k.CreatedUtc, k.ActivatesUtc, k.RetiresUtc, k.ExpiresUtc, OidcKeyInfo.StatusAt(k.ActivatesUtc, k.RetiresUtc, k.ExpiresUtc, now)))
            .OrderByDescending(k => k.ActivatesUtc).ThenBy(k => k.Use, StringComparer.Ordinal).ThenBy(k => k.Algorithm, StringComparer.Ordinal)
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

    /// <summary>Puts the upcoming key of kind <paramref name="algorithm"/> in force now, or a new one when none is upcoming (not saved).</summary>
    private async Task ReplaceAsync(IOidcDbContext db, string algorithm, DateTime now, CancellationToken cancellationToken)
    {
        var use = OidcKeyAlgorithms.UseOf(algorithm);
        var upcoming = (await db.OidcKeys.Where(k => k.Use == use && k.ActivatesUtc > now && k.ExpiresUtc > now)
            .ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(k => OidcKeyAlgorithms.Of(k) == algorithm).MinBy(k => k.ActivatesUtc);
        if (upcoming is not null)
        {
            upcoming.ActivatesUtc = now;
        }
        else
        {
            db.OidcKeys.Add(Generate(algorithm, now, now, options.CurrentValue));
        }
    }

    /// <summary>
    /// Rows from before the algorithm was stored are RSA keys: their kind is written down, and an RSA-OAEP key stops
    /// encrypting (the AES key takes over) while staying able to decrypt what it encrypted until its retention ends.
    /// </summary>
    private void Upgrade(List<OidcKey> keys, DateTime now)
    {
        var retention = options.CurrentValue.KeyRetention;
        foreach (var key in keys)
        {
            if (string.IsNullOrEmpty(key.Algorithm))
            {
                key.Algorithm = OidcKeyAlgorithms.Of(key);
            }

            if (key.Algorithm == OidcKeyAlgorithms.RsaOaep && key.RetiresUtc > now)
            {
                // An upcoming one never encrypted anything; one in force keeps decrypting for the retention.
                key.ExpiresUtc = key.ActivatesUtc > now ? now : Min(key.ExpiresUtc, now + retention);
                key.ActivatesUtc = Min(key.ActivatesUtc, now);
                key.RetiresUtc = now;
                LogRetired(logger, key.Id, key.Use);
            }
        }

        keys.RemoveAll(k => k.ExpiresUtc <= now);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>Makes sure a key of kind <paramref name="algorithm"/> is in force, and its successor published ahead (not saved).</summary>
    /// <returns>The key in force.</returns>
    private OidcKey Ensure(IOidcDbContext db, List<OidcKey> all, string algorithm, DateTime now)
    {
        var o = options.CurrentValue;
        var keys = all.Where(k => k.Algorithm == algorithm).ToList();
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
                active = Generate(algorithm, now, now, o);
                all.Add(active);
                db.OidcKeys.Add(active);
            }
        }

        if (active.RetiresUtc - now <= o.KeyPrePublication && !keys.Any(k => k.ActivatesUtc >= active.RetiresUtc))
        {
            var next = Generate(algorithm, now, active.RetiresUtc, o);
            all.Add(next);
            db.OidcKeys.Add(next);
        }

        return active;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated OIDC {Algorithm} key {KeyId}, in use from {Activates:u}")]
    private static partial void LogGenerated(ILogger logger, string keyId, string algorithm, DateTime activates);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retired OIDC {Use} key {KeyId} ahead of schedule")]
    private static partial void LogRetired(ILogger logger, string keyId, string use);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Withdrew OIDC {Use} key {KeyId} from the key set: tokens it signed or encrypted no longer validate")]
    private static partial void LogWithdrawn(ILogger logger, string keyId, string use);
}
