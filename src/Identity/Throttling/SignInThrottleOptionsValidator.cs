using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Throttling;

/// <summary>Cross-field rules of <see cref="SignInThrottleOptions"/>, checked at startup.</summary>
internal sealed class SignInThrottleOptionsValidator : IValidateOptions<SignInThrottleOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInThrottleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (options.AccountDelay > options.AccountDelayMax)
        {
            failures.Add($"SignIn:Throttling:AccountDelay ({options.AccountDelay}) must not exceed AccountDelayMax ({options.AccountDelayMax}).");
        }

        if (options.MaxFailuresPerClient < options.MaxFailuresPerAccountAndClient)
        {
            failures.Add($"SignIn:Throttling:MaxFailuresPerClient ({options.MaxFailuresPerClient}) must be at least MaxFailuresPerAccountAndClient ({options.MaxFailuresPerAccountAndClient}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
