namespace GatewayPortal.Portal.SignIn;

/// <summary>One problem with a login form field: a resource key and the length limit it may mention.</summary>
public sealed record LoginFieldProblem(LoginField Field, string MessageKey, int Limit);
