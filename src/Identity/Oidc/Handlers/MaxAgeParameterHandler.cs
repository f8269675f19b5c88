using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace GatewayPortal.Identity.Oidc.Handlers;

/// <summary>
/// Refuses an authorization request whose <c>max_age</c> is not a whole number of seconds (OIDC Core §3.1.2.1): OpenIddict
/// reads <c>abc</c> as absent and <c>-1</c> as "always too old". Runs once the request is validated (first of the
/// handling stage, before the portal's endpoint), so the redirect_uri is the client's and the application hears the
/// <c>invalid_request</c>; a refusal during OpenIddict's validation stage would only show the portal's error page.
/// </summary>
public sealed class MaxAgeParameterHandler : IOpenIddictServerHandler<HandleAuthorizationRequestContext>
{
    /// <summary>Longest max_age accepted, in digits (up to about 300 years).</summary>
    public const int MaxDigits = 10;

    /// <summary>The handler's registration.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleAuthorizationRequestContext>()
        .UseSingletonHandler<MaxAgeParameterHandler>()
        .SetOrder(int.MinValue + 50_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <inheritdoc/>
    public ValueTask HandleAsync(HandleAuthorizationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.GetParameter(Parameters.MaxAge) is { } parameter && !IsWholeSeconds((string?)parameter))
        {
            context.Reject(Errors.InvalidRequest, $"The '{Parameters.MaxAge}' parameter must be a whole number of seconds (0 to {MaxDigits} digits).");
        }

        return default;
    }

    private static bool IsWholeSeconds(string? value) => value is { Length: > 0 and <= MaxDigits } && value.All(char.IsAsciiDigit);
}
