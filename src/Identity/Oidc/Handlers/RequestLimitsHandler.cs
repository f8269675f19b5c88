using Microsoft.AspNetCore;
using Microsoft.Extensions.Logging;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace GatewayPortal.Identity.Oidc.Handlers;

/// <summary>
/// Refuses an OpenID Connect request over <see cref="OidcRequestLimits"/> as soon as its parameters are read, before
/// OpenIddict logs or validates them (an authorization request refused here is answered on the portal's own error page,
/// never by a redirect that would echo <c>state</c>), and logs one line with the sizes, never the values.
/// </summary>
/// <typeparam name="TContext">The endpoint's extraction event.</typeparam>
public sealed partial class RequestLimitsHandler<TContext>(ILogger<RequestLimitsHandler<TContext>> logger) : IOpenIddictServerHandler<TContext>
    where TContext : BaseValidatingContext
{
    /// <summary>The handler's registration.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
        .UseSingletonHandler<RequestLimitsHandler<TContext>>()
        .SetOrder(OpenIddictServerAspNetCoreHandlers.ExtractPostRequest<TContext>.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <inheritdoc/>
    public ValueTask HandleAsync(TContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Transaction.Request?.GetParameters() ?? new Dictionary<string, OpenIddict.Abstractions.OpenIddictParameter>();
        var total = 0L;
        var problem = OidcRequestBodyLimit.WasTooLarge(context.Transaction.GetHttpRequest()?.HttpContext)
            ? $"The request is larger than {OidcRequestLimits.MaxRequestBytes} bytes."
            : parameters.Count > OidcRequestLimits.MaxParameters ? $"The request has more than {OidcRequestLimits.MaxParameters} parameters."
            : null;
        foreach (var (name, value) in parameters)
        {
            var length = value.ToString()?.Length ?? 0;
            total += name.Length + length;
            if (problem is null && name.Length > OidcRequestLimits.MaxNameLength)
            {
                problem = $"A parameter name is longer than {OidcRequestLimits.MaxNameLength} characters.";
            }
            else if (problem is null && length > OidcRequestLimits.MaxLengthOf(name))
            {
                problem = $"The '{name}' parameter is longer than {OidcRequestLimits.MaxLengthOf(name)} characters.";
            }
        }

        var clientId = context.Transaction.Request?.ClientId is { Length: <= 100 } id ? id : "(unknown)";
        LogRequest(logger, context.EndpointType, clientId, parameters.Count, total, problem is null ? "accepted" : "refused");
        if (problem is not null)
        {
            context.Reject(Errors.InvalidRequest, problem);
        }

        return default;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OIDC {Endpoint} request from {ClientId}: {Count} parameters, {Characters} characters, {Verdict}")]
    private static partial void LogRequest(ILogger logger, OpenIddictServerEndpointType endpoint, string clientId, int count, long characters, string verdict);
}
