using GatewayPortal.Identity.Audit;

namespace GatewayPortal.Identity.SignIn;

/// <summary>The password step of signing in: throttling, the directory check and the audit record.</summary>
public interface IPasswordSignInService
{
    /// <summary>Checks a login and password; never throws for bad credentials or an unreachable directory.</summary>
    Task<PasswordSignInResult> SignInAsync(string login, string password, SignInClient client, CancellationToken cancellationToken = default);

    /// <summary>Checks a second-factor code for a person whose password was verified; throttled like passwords.</summary>
    Task<PasswordSignInResult> VerifySecondFactorAsync(string subjectId, string login, string code, SignInClient client, CancellationToken cancellationToken = default);
}
