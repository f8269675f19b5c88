using Microsoft.AspNetCore.Authorization;

namespace GatewayPortal.Portal.Authorization;

/// <summary>The user belongs to one of the configured administrator groups.</summary>
public sealed class AdministratorRequirement : IAuthorizationRequirement;
