using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace GatewayPortal.Portal.Security;

/// <summary>
/// Encrypts the Data Protection key ring at rest with a certificate (<c>DataProtection:KeyEncryptionCertificate</c>, a PFX,
/// and <c>…Password</c>). Those keys protect session cookies and the OIDC signing keys' private parts; stored in clear,
/// anyone who can read the database could forge a session. Without a certificate, outside Development and Testing the
/// portal says so at start-up.
/// </summary>
internal static partial class KeyEncryption
{
    public const string CertificateKey = "DataProtection:KeyEncryptionCertificate";
    public const string PasswordKey = "DataProtection:KeyEncryptionCertificatePassword";

    public static void Configure(IDataProtectionBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        var path = configuration[CertificateKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            {
                builder.Services.AddHostedService<UnencryptedKeysWarning>();
            }

            return;
        }

        var fullPath = Path.GetFullPath(path, environment.ContentRootPath);
        if (!File.Exists(fullPath))
        {
            throw new InvalidOperationException($"{CertificateKey} '{fullPath}' does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(fullPath, configuration[PasswordKey], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException($"{CertificateKey} '{fullPath}' could not be read (wrong {PasswordKey}?): {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{CertificateKey} '{fullPath}' has no private key; the key ring could not be decrypted.");
        }

        builder.ProtectKeysWithCertificate(certificate);
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
}
