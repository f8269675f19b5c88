using System.Security.Claims;

namespace GatewayPortal.Portal.SignIn;

/// <summary>A person whose password was right and who still owes a second factor.</summary>
/// <param name="Principal">The claims read from the directory at password time.</param>
/// <param name="SubjectId">The person's subject id.</param>
/// <param name="Login">The login name.</param>
/// <param name="DisplayName">The display name.</param>
public sealed record PendingSignIn(ClaimsPrincipal Principal, string SubjectId, string Login, string DisplayName);
