using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GatewayPortal.Identity.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OtpNet;
using QRCoder;

namespace GatewayPortal.Identity.Mfa;

/// <inheritdoc/>
internal sealed class TotpMfaService(
    IIdentityDbContext db,
    IDataProtectionProvider dataProtection,
    IOptions<MfaOptions> options,
    TimeProvider timeProvider) : IMfaService
{
    private const string RecoveryAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("GatewayPortal.Identity.Mfa.v1");

    public Task<bool> IsEnrolledAsync(string subjectId, CancellationToken cancellationToken = default) =>
        db.MfaEnrollments.AnyAsync(e => e.SubjectId == subjectId && e.ConfirmedUtc != null, cancellationToken);

    public async Task<MfaEnrollmentStart> BeginEnrollmentAsync(string subjectId, string accountLabel, CancellationToken cancellationToken = default)
    {
        var enrollment = await db.MfaEnrollments.FindAsync([subjectId], cancellationToken).ConfigureAwait(false);
        if (enrollment is { ConfirmedUtc: not null })
        {
            throw new InvalidOperationException("The person already has a confirmed authenticator.");
        }

        string secret;
        if (enrollment is not null)
        {
            // A pending enrolment keeps its secret: the QR code the person already scanned stays valid.
            secret = _protector.Unprotect(enrollment.ProtectedSecret);
        }
        else
        {
            secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
            db.MfaEnrollments.Add(new MfaEnrollment
            {
                SubjectId = subjectId,
                ProtectedSecret = _protector.Protect(secret),
                CreatedUtc = timeProvider.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var issuer = options.Value.Issuer;
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(accountLabel)}?secret={secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new MfaEnrollmentStart(secret, uri, png);
    }

    public async Task<IReadOnlyList<string>?> ConfirmEnrollmentAsync(string subjectId, string code, CancellationToken cancellationToken = default)
    {
        var enrollment = await db.MfaEnrollments.FindAsync([subjectId], cancellationToken).ConfigureAwait(false);
        if (enrollment is not { ConfirmedUtc: null } || !TryMatchStep(enrollment, code, out var step))
        {
            return null;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        enrollment.ConfirmedUtc = now;
        enrollment.LastUsedTimeStep = step;
        enrollment.ConcurrencyStamp = Guid.NewGuid().ToString();

        await db.MfaRecoveryCodes.Where(c => c.SubjectId == subjectId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var codes = Enumerable.Range(0, options.Value.RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        db.MfaRecoveryCodes.AddRange(codes.Select(c => new MfaRecoveryCode { SubjectId = subjectId, CodeHash = Hash(c) }));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }

        return codes;
    }

    public async Task<bool> VerifyAsync(string subjectId, string code, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 32)
        {
            return false;
        }

        var enrollment = await db.MfaEnrollments.FindAsync([subjectId], cancellationToken).ConfigureAwait(false);
        if (enrollment is not { ConfirmedUtc: not null })
        {
            return false;
        }

        if (TryMatchStep(enrollment, code, out var step))
        {
            // Each time step is accepted once: a code seen over someone's shoulder is already spent.
            if (step <= enrollment.LastUsedTimeStep)
            {
                return false;
            }

            enrollment.LastUsedTimeStep = step;
            enrollment.ConcurrencyStamp = Guid.NewGuid().ToString();
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                return false;
            }
        }

        var hash = Hash(code);
        var used = await db.MfaRecoveryCodes
            .Where(c => c.SubjectId == subjectId && c.CodeHash == hash && c.UsedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedUtc, timeProvider.GetUtcNow().UtcDateTime), cancellationToken).ConfigureAwait(false);
        return used == 1;
    }

    private bool TryMatchStep(MfaEnrollment enrollment, string code, out long step)
    {
        step = 0;
        var digits = code.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var secret = Base32Encoding.ToBytes(_protector.Unprotect(enrollment.ProtectedSecret));
        var totp = new Totp(secret);
        var drift = options.Value.AllowedDriftSteps;
        return totp.VerifyTotp(timeProvider.GetUtcNow().UtcDateTime, digits, out step, new VerificationWindow(drift, drift));
    }

    private static string NewRecoveryCode()
    {
        var chars = new char[9];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i == 4 ? '-' : RecoveryAlphabet[RandomNumberGenerator.GetInt32(RecoveryAlphabet.Length)];
        }

        return new string(chars);
    }

    private static string Hash(string code)
    {
        var normalised = code.Trim().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
