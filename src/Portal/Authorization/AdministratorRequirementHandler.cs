using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Authorization;

/// <summary>Succeeds when the user's group claims include a configured administrator group.</summary>
internal sealed class AdministratorRequirementHandler(IOptionsMonitor<SignInOptions> options) : AuthorizationHandler<AdministratorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdministratorRequirement requirement)
    {
        if (options.CurrentValue.AdministratorGroups.Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
