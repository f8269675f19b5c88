using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace GatewayPortal.Portal.Security;

/// <summary>
/// Encrypts the Data Protection key ring at rest with a certificate (<c>DataProtection:KeyEncryptionCertificate</c>, a PFX,
/// and <c>…Password</c>). Those keys protect session cookies and the OIDC signing keys' private parts; stored in clear,
/// anyone who can read the database could forge a session. Without a certificate, outside Development and Testing the
/// portal says so at start-up.
/// <para>
/// Rotation: the current certificate encrypts new keys; <c>DataProtection:PreviousKeyEncryptionCertificates:N:Path</c>
/// (+ <c>:Password</c>) still decrypt the keys older certificates encrypted, until the operator removes them
/// (<c>keys list dataprotection</c> shows which keys still depend on which certificate).
/// </para>
/// </summary>
internal static partial class KeyEncryption
{
    public const string CertificateKey = "DataProtection:KeyEncryptionCertificate";
    public const string PasswordKey = "DataProtection:KeyEncryptionCertificatePassword";
    public const string PreviousKey = "DataProtection:PreviousKeyEncryptionCertificates";

    /// <summary>How long before the current certificate expires the portal warns at start.</summary>
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    public static void Configure(IDataProtectionBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        var path = configuration[CertificateKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (configuration.GetSection(PreviousKey).GetChildren().Any())
            {
                throw new InvalidOperationException($"{PreviousKey} is set but {CertificateKey} is not: the current certificate encrypts new keys, the previous ones only decrypt old keys.");
            }

            if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            {
                builder.Services.AddHostedService<UnencryptedKeysWarning>();
            }

            builder.Services.AddSingleton(new KeyEncryptionCertificates(null, []));
            return;
        }

        var certificate = Load(CertificateKey, path, configuration[PasswordKey], PasswordKey, environment);
        var previous = new List<X509Certificate2>();
        foreach (var item in configuration.GetSection(PreviousKey).GetChildren())
        {
            var itemPath = item["Path"] ?? item.Value;
            if (string.IsNullOrWhiteSpace(itemPath))
            {
                throw new InvalidOperationException($"{PreviousKey}:{item.Key}:Path is empty: give the PFX file of a previous certificate.");
            }

            previous.Add(Load($"{PreviousKey}:{item.Key}:Path", itemPath, item["Password"], $"{PreviousKey}:{item.Key}:Password", environment));
        }

        builder.ProtectKeysWithCertificate(certificate);
        if (previous.Count > 0)
        {
            // Keys the current certificate encrypted decrypt with it; older ones with the previous certificates.
            builder.UnprotectKeysWithAnyCertificate([certificate, .. previous]);
        }

        builder.Services.AddSingleton(new KeyEncryptionCertificates(certificate, previous));
        builder.Services.AddHostedService<CertificateExpiryWarning>();
    }

    private static X509Certificate2 Load(string key, string path, string? password, string passwordKey, IHostEnvironment environment)
    {
        var fullPath = Path.GetFullPath(path, environment.ContentRootPath);
        if (!File.Exists(fullPath))
        {
            throw new InvalidOperationException($"{key} '{fullPath}' does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(fullPath, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException($"{key} '{fullPath}' could not be read (wrong {passwordKey}?): {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{key} '{fullPath}' has no private key; the key ring could not be decrypted.");
        }

        return certificate;
    }

    private sealed partial class UnencryptedKeysWarning(ILogger<UnencryptedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogUnencrypted(logger, CertificateKey);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "Data Protection keys are stored unencrypted in the database: set {Setting} (a PFX) so that reading the database is not enough to forge sessions")]
        private static partial void LogUnencrypted(ILogger logger, string setting);
    }

    private sealed partial class CertificateExpiryWarning(KeyEncryptionCertificates certificates, TimeProvider time, ILogger<CertificateExpiryWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            if (certificates.Current is { } current && current.NotAfter.ToUniversalTime() - now.UtcDateTime <= ExpiryWarning)
            {
                LogExpiring(logger, CertificateKey, current.Thumbprint, current.NotAfter.ToUniversalTime());
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} (thumbprint {Thumbprint}) expires {NotAfter:u}: rotate it (docs/production.md, Key rotation)")]
        private static partial void LogExpiring(ILogger logger, string setting, string thumbprint, DateTime notAfter);
    }
}

/// <summary>The key-encryption certificates this node was given: the current one encrypts new keys, the previous ones only decrypt.</summary>
/// <param name="Current">The current certificate, or null when the key ring is stored unencrypted.</param>
/// <param name="Previous">Certificates that still decrypt keys they encrypted.</param>
internal sealed record KeyEncryptionCertificates(X509Certificate2? Current, IReadOnlyList<X509Certificate2> Previous);
