namespace GatewayPortal.Identity.Audit;

/// <summary>A sign-in event to record.</summary>
/// <param name="Login">The login as typed.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">Why, as a stable code.</param>
/// <param name="Client">Who asked (IP, user agent).</param>
/// <param name="SubjectId">The person's subject id, when known.</param>
/// <param name="DisplayName">The person's display name, when known.</param>
public sealed record SignInAuditEvent(
    string Login,
    SignInOutcome Outcome,
    string? Reason,
    SignInClient Client,
    string? SubjectId = null,
    string? DisplayName = null);
