using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Oidc.Keys;
using GatewayPortal.Portal.Security;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Operations;

/// <summary>
/// <c>keys list|rotate|retire</c> for the OIDC signing and encryption keys, and <c>keys list dataprotection</c> /
/// <c>keys dataprotection-rotate</c> for the Data Protection key ring and its key-encryption certificate. Changes go to the
/// database; every node picks up OIDC key changes within <c>Oidc:KeyRefreshInterval</c>.
/// </summary>
internal sealed partial class KeysCommand(IServiceProvider services) : IPortalCommand
{
    // Resolved when a keys verb runs: the command list (help, other verbs) must not need the key ring's services.
    private OidcKeyRing Ring => services.GetRequiredService<OidcKeyRing>();

    private TimeProvider Clock => services.GetRequiredService<TimeProvider>();

    private ILogger Logger => services.GetRequiredService<ILogger<KeysCommand>>();

    private static readonly XNamespace DataProtectionNamespace = "http://schemas.asp.net/2015/03/dataProtection";

    public string Name => "keys";

    public string Summary => "list, rotate or retire the OIDC keys; rotate the Data Protection key-encryption certificate";

    public string Usage => """
        keys list [oidc]              OIDC keys, tab-separated: kid use algorithm created active_from signing_until published_until status
        keys list dataprotection      Data Protection keys: id created activates expires status certificate role (current|previous|unknown|none)
        keys rotate [sig|enc|<alg>]   new keys sign (encrypt) now: sig = ES256 and RS256, enc = A256KW, or one of
                                      ES256, RS256, A256KW; the old ones still validate for Oidc:KeyRetention
        keys retire <kid> [--rotate]  withdraw a key at once (tokens it signed stop validating); the key in use needs --rotate
        keys dataprotection-rotate    re-encrypt every Data Protection key with the current certificate and start a new key now
        """;

    public async Task<int> RunAsync(PortalCommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        if (args.Count == 0)
        {
            return context.UsageError(this, "missing sub-command.");
        }

        switch (args[0])
        {
            case "list" when args.Count == 1 || (args.Count == 2 && args[1] == "oidc"):
                await ListOidcAsync(context, cancellationToken);
                return PortalCommandExit.Ok;
            case "list" when args.Count == 2 && args[1] == "dataprotection":
                return await ListDataProtectionAsync(context, cancellationToken);
            case "list":
                return context.UsageError(this, $"unknown key kind '{string.Join(' ', args.Skip(1))}' (oidc or dataprotection).");
            case "rotate" when args.Count == 1 || (args.Count == 2 && (args[1] is OidcKeyRing.SigningUse or OidcKeyRing.EncryptionUse || OidcKeyAlgorithms.InForce.Contains(args[1]))):
                return await RotateAsync(context, args.Count == 2 ? args[1] : null, cancellationToken);
            case "rotate":
                return context.UsageError(this, $"'{string.Join(' ', args.Skip(1))}': rotate takes sig, enc, one of {string.Join(", ", OidcKeyAlgorithms.InForce)}, or nothing (every key).");
            case "retire" when args.Count is 2 or 3 && (args.Count == 2 || args[2] == "--rotate") && !args[1].StartsWith('-'):
                return await RetireAsync(context, args[1], args.Count == 3, cancellationToken);
            case "retire":
                return context.UsageError(this, "retire takes one key id (see keys list) and optionally --rotate.");
            case "dataprotection-rotate" when args.Count == 1:
                return await RotateDataProtectionAsync(context, cancellationToken);
            default:
                return context.UsageError(this, $"unknown sub-command '{string.Join(' ', args)}'.");
        }
    }

    private async Task ListOidcAsync(PortalCommandContext context, CancellationToken cancellationToken)
    {
        await context.Out.WriteLineAsync("kid\tuse\talgorithm\tcreated\tactive_from\tsigning_until\tpublished_until\tstatus");
        foreach (var key in await Ring.ListAsync(cancellationToken))
        {
            await context.Out.WriteLineAsync(string.Join('\t', key.Id, key.Use, key.Algorithm, Time(key.CreatedUtc), Time(key.ActivatesUtc), Time(key.RetiresUtc), Time(key.ExpiresUtc), key.Status));
        }
    }

    private async Task<int> RotateAsync(PortalCommandContext context, string? use, CancellationToken cancellationToken)
    {
        var retired = await Ring.RotateNowAsync(use, cancellationToken);
        var now = Ring.Current;
        var es256 = now.SigningFor(OidcKeyAlgorithms.Es256)?.Key.KeyId ?? "-";
        var rs256 = now.SigningFor(OidcKeyAlgorithms.Rs256)?.Key.KeyId ?? "-";
        var encryption = now.Encrypting?.Key.KeyId ?? "-";
        var signing = $"{es256},{rs256}";
        LogRotated(Logger, use ?? "sig+enc", string.Join(',', retired), signing, encryption);
        foreach (var kid in retired)
        {
            await context.Out.WriteLineAsync($"retained\t{kid}");
        }

        await CommandLineAudit.RecordAsync(context, new(AdminAuditActions.OidcKeyRotate, AdminAuditTargets.OidcKey, signing, use ?? "sig+enc",
            Before: new { Retained = retired }, After: new { Signing = signing, Encryption = encryption },
            Summary: $"OIDC keys rotated from the command line ({use ?? "sig+enc"})"), cancellationToken);
        await context.Out.WriteLineAsync($"active\tsig\t{es256}\t{OidcKeyAlgorithms.Es256}");
        await context.Out.WriteLineAsync($"active\tsig\t{rs256}\t{OidcKeyAlgorithms.Rs256}");
        await context.Out.WriteLineAsync($"active\tenc\t{encryption}\t{OidcKeyAlgorithms.A256Kw}");
        await context.Error.WriteLineAsync("Every node uses the new key within Oidc:KeyRefreshInterval; the old one still validates tokens for Oidc:KeyRetention.");
        return PortalCommandExit.Ok;
    }

    private async Task<int> RetireAsync(PortalCommandContext context, string kid, bool rotate, CancellationToken cancellationToken)
    {
        var result = await Ring.RetireAsync(kid, rotate, cancellationToken);
        switch (result)
        {
            case OidcKeyRetirement.NotFound:
                return context.UsageError(this, $"no key has the id '{kid}' (see keys list); nothing was changed.");
            case OidcKeyRetirement.AlreadyRetired:
                return context.UsageError(this, $"key '{kid}' has already left the key set; nothing was changed.");
            case OidcKeyRetirement.InUse:
                return context.UsageError(this, $"key '{kid}' is the one in use: run 'keys rotate' first, or 'keys retire {kid} --rotate' to replace and retire it in one step; nothing was changed.");
            default:
                LogRetiredByOperator(Logger, kid, rotate);
                await CommandLineAudit.RecordAsync(context, new(AdminAuditActions.OidcKeyRetire, AdminAuditTargets.OidcKey, kid, kid,
                    After: new { Retired = true, ReplacedInTheSameStep = rotate }, Summary: "OIDC key retired from the command line"), cancellationToken);
                await context.Out.WriteLineAsync($"retired\t{kid}");
                await context.Error.WriteLineAsync("Every node drops the key within Oidc:KeyRefreshInterval; tokens it signed or encrypted stop validating.");
                return PortalCommandExit.Ok;
        }
    }

    private async Task<int> ListDataProtectionAsync(PortalCommandContext context, CancellationToken cancellationToken)
    {
        var certificates = services.GetRequiredService<KeyEncryptionCertificates>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var keys = await ReadDataProtectionKeysAsync(cancellationToken);
        var revoked = Revocations(keys.Select(k => k.Element));
        await context.Out.WriteLineAsync("id\tcreated\tactivates\texpires\tstatus\tcertificate\trole");
        var dependOnPrevious = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys.Where(k => k.Element.Name.LocalName == "key"))
        {
            var id = (string?)key.Element.Attribute("id") ?? "?";
            var created = Date(key.Element, "creationDate");
            var activates = Date(key.Element, "activationDate");
            var expires = Date(key.Element, "expirationDate");
            var status = revoked.Contains(id) || revoked.Any(r => r.StartsWith('<') && created <= DateTime.Parse(r[1..], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal))
                ? "revoked"
                : expires <= now ? "expired" : activates > now ? "upcoming" : "active";
            var thumbprint = EncryptingThumbprint(key.Element);
            var role = thumbprint is null ? "none"
                : string.Equals(thumbprint, certificates.Current?.Thumbprint, StringComparison.OrdinalIgnoreCase) ? "current"
                : certificates.Previous.Any(c => string.Equals(c.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase)) ? "previous"
                : "unknown";
            if (role is "previous" or "unknown")
            {
                dependOnPrevious[thumbprint!] = dependOnPrevious.GetValueOrDefault(thumbprint!) + 1;
            }

            await context.Out.WriteLineAsync(string.Join('\t', id, Time(created), Time(activates), Time(expires), status, thumbprint ?? "-", role));
        }

        foreach (var (thumbprint, count) in dependOnPrevious)
        {
            await context.Error.WriteLineAsync($"{count} key(s) are still encrypted with certificate {thumbprint}: removing it would make them unreadable (sessions and stored secrets protected with them). Run 'keys dataprotection-rotate' first.");
        }

        return PortalCommandExit.Ok;
    }

    private async Task<int> RotateDataProtectionAsync(PortalCommandContext context, CancellationToken cancellationToken)
    {
        var certificates = services.GetRequiredService<KeyEncryptionCertificates>();
        if (certificates.Current is not { } current)
        {
            await context.Error.WriteLineAsync($"keys: {KeyEncryption.CertificateKey} is not set: there is no certificate to rotate to.");
            return PortalCommandExit.Failed;
        }

        // 1. Every stored key encrypted with another certificate is decrypted (current or previous certificates) and
        //    encrypted again with the current one: sessions and stored secrets stay readable once the old one is removed.
        var rewrapped = 0;
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var scope = services.CreateAsyncScope();
        await using (scope)
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            foreach (var row in await db.DataProtectionKeys.ToListAsync(cancellationToken))
            {
                var element = XElement.Parse(row.Xml ?? "<none/>");
                var secrets = element.Descendants(DataProtectionNamespace + "encryptedSecret").ToList();
                if (secrets.Count == 0 || string.Equals(EncryptingThumbprint(element), current.Thumbprint, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var secret in secrets)
                {
                    XElement plain;
                    try
                    {
                        plain = new EncryptedXmlDecryptor(services).Decrypt(secret.Elements().Single());
                    }
                    catch (System.Security.Cryptography.CryptographicException)
                    {
                        var id = (string?)element.Attribute("id");
                        await context.Error.WriteLineAsync($"keys: Data Protection key {id} is encrypted with certificate {EncryptingThumbprint(element)}, which is neither {KeyEncryption.CertificateKey} nor one of {KeyEncryption.PreviousKey}: add it there and run again. Nothing was changed for this key.");
                        return PortalCommandExit.Failed;
                    }

                    var encrypted = new CertificateXmlEncryptor(current, loggers).Encrypt(plain);
                    secret.ReplaceNodes(encrypted.EncryptedElement);
                    secret.SetAttributeValue("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName);
                }

                row.Xml = element.ToString(SaveOptions.DisableFormatting);
                rewrapped++;
                LogRewrapped(Logger, (string?)element.Attribute("id") ?? "?", current.Thumbprint);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        // 2. A new key, in use now, that no earlier certificate ever encrypted.
        var now = Clock.GetUtcNow();
        var key = services.GetRequiredService<IKeyManager>().CreateNewKey(now, now.AddDays(90));
        LogNewKey(Logger, key.KeyId, current.Thumbprint);
        await CommandLineAudit.RecordAsync(context, new(AdminAuditActions.DataProtectionRotate, AdminAuditTargets.DataProtectionKeyRing, key.KeyId.ToString(), current.Thumbprint,
            After: new { Reencrypted = rewrapped, NewKey = key.KeyId, Certificate = current.Thumbprint },
            Summary: "Data Protection keys re-encrypted with the current certificate and a new key made"), cancellationToken);
        await context.Out.WriteLineAsync($"reencrypted\t{rewrapped}");
        await context.Out.WriteLineAsync($"new\t{key.KeyId}\t{current.Thumbprint}");
        await context.Error.WriteLineAsync("Every key is now encrypted with the current certificate: the previous certificates can be removed from the settings. Nodes protect with the new key after their next restart (or within 24 hours).");
        return PortalCommandExit.Ok;
    }

    private async Task<List<(int Id, XElement Element)>> ReadDataProtectionKeysAsync(CancellationToken cancellationToken)
    {
        var scope = services.CreateAsyncScope();
        await using (scope)
        {
            var rows = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys.AsNoTracking()
                .OrderBy(k => k.Id).Select(k => new { k.Id, k.Xml }).ToListAsync(cancellationToken);
            return rows.Select(r => (r.Id, XElement.Parse(r.Xml ?? "<none/>"))).ToList();
        }
    }

    /// <summary>Revoked key ids, and "&lt;date" for "every key created before date".</summary>
    private static HashSet<string> Revocations(IEnumerable<XElement> elements)
    {
        var revoked = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var revocation in elements.Where(e => e.Name.LocalName == "revocation"))
        {
            var id = (string?)revocation.Element("key")?.Attribute("id");
            if (id == "*")
            {
                revoked.Add("<" + (string?)revocation.Element("revocationDate"));
            }
            else if (id is not null)
            {
                revoked.Add(id);
            }
        }

        return revoked;
    }

    /// <summary>The thumbprint of the certificate a key's secret is encrypted with, or null when stored in clear.</summary>
    internal static string? EncryptingThumbprint(XElement key)
    {
        var base64 = key.Descendants().FirstOrDefault(e => e.Name.LocalName == "X509Certificate")?.Value;
        if (base64 is null)
        {
            return null;
        }

        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64));
        return certificate.Thumbprint;
    }

    private static DateTime Date(XElement key, string name) =>
        DateTime.Parse((string?)key.Element(name) ?? "0001-01-01", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator rotated OIDC keys ({Use}): retired {Retired}; signing key now {Signing}, encryption key now {Encryption}")]
    private static partial void LogRotated(ILogger logger, string use, string retired, string signing, string encryption);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator retired OIDC key {KeyId} (replaced in the same step: {Rotate})")]
    private static partial void LogRetiredByOperator(ILogger logger, string keyId, bool rotate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-encrypted Data Protection key {KeyId} with the key-encryption certificate {Thumbprint}")]
    private static partial void LogRewrapped(ILogger logger, string keyId, string thumbprint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created Data Protection key {KeyId}, in use now, encrypted with the certificate {Thumbprint}")]
    private static partial void LogNewKey(ILogger logger, Guid keyId, string thumbprint);
}
