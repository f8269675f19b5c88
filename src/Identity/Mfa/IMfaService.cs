namespace GatewayPortal.Identity.Mfa;

/// <summary>TOTP enrolment and verification, with one-time recovery codes.</summary>
public interface IMfaService
{
    /// <summary>True when the person has a confirmed authenticator.</summary>
    Task<bool> IsEnrolledAsync(string subjectId, CancellationToken cancellationToken = default);

    /// <summary>Starts an enrolment, or continues a pending one with the same secret, and returns the secret and its QR code.</summary>
    Task<MfaEnrollmentStart> BeginEnrollmentAsync(string subjectId, string accountLabel, CancellationToken cancellationToken = default);

    /// <summary>Confirms a pending enrolment with a first code; returns the recovery codes (shown once) or null when the code is wrong.</summary>
    Task<IReadOnlyList<string>?> ConfirmEnrollmentAsync(string subjectId, string code, CancellationToken cancellationToken = default);

    /// <summary>Verifies a TOTP code (each time step once) or consumes a recovery code.</summary>
    Task<bool> VerifyAsync(string subjectId, string code, CancellationToken cancellationToken = default);
}
