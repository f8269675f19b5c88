using GatewayPortal.Identity.Directory;

namespace GatewayPortal.Identity.SignIn;

/// <summary>The outcome of the password step.</summary>
/// <param name="Status">What to do next.</param>
/// <param name="User">The person, when the password was right.</param>
/// <param name="RetryAtUtc">When a locked account or client may try again.</param>
/// <param name="SecondFactorEnrolled">With <see cref="PasswordSignInStatus.SecondFactorRequired"/>: false means enrol first.</param>
public sealed record PasswordSignInResult(
    PasswordSignInStatus Status,
    DirectoryUser? User = null,
    DateTimeOffset? RetryAtUtc = null,
    bool SecondFactorEnrolled = false);
