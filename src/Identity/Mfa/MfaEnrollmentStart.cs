namespace GatewayPortal.Identity.Mfa;

/// <summary>What a person needs to add the portal to an authenticator app.</summary>
/// <param name="Secret">The Base32 secret, for manual entry.</param>
/// <param name="OtpAuthUri">The otpauth:// URI the QR code carries.</param>
/// <param name="QrCodePng">The QR code as a PNG image.</param>
public sealed record MfaEnrollmentStart(string Secret, string OtpAuthUri, byte[] QrCodePng);
