using System.Text.Json;
using GatewayPortal.Samples.LineOfBusiness.Authentication;
using GatewayPortal.Samples.LineOfBusiness.Configuration;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GatewayPortal.Samples.LineOfBusiness.BackChannel;

/// <summary>
/// Validates an OpenID Connect Back-Channel Logout 1.0 logout token against the portal's discovery document:
/// signature (portal signing keys), issuer, audience (our client id), lifetime, then the spec's own rules
/// (events member, sid or sub, no nonce, acceptable typ, jti not replayed).
/// </summary>
public sealed class LogoutTokenValidator(
    IOptionsMonitor<OpenIdConnectOptions> oidcOptions,
    IOptions<OidcClientOptions> clientOptions,
    LogoutTokenReplayCache replayCache)
{
    public const string BackChannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);
    private static readonly string[] AcceptedTypes = ["logout+jwt", "application/logout+jwt", "JWT"];

    private readonly JsonWebTokenHandler _handler = new();

    public async Task<LogoutTokenValidationResult> ValidateAsync(string logoutToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(logoutToken);
        if (!_handler.CanReadToken(logoutToken))
        {
            return LogoutTokenValidationResult.Invalid("not a well-formed JWT");
        }

        var manager = oidcOptions.Get(LobAuthenticationDefaults.OidcScheme).ConfigurationManager
            ?? throw new InvalidOperationException("The OpenID Connect handler has no configuration manager.");

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await manager.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return LogoutTokenValidationResult.Unavailable(IdentityProviderFailure.Describe(exception));
        }

        var result = await _handler.ValidateTokenAsync(logoutToken, CreateParameters(configuration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The portal may have rolled its keys since discovery was cached: refresh once and retry.
            manager.RequestRefresh();
            configuration = await manager.GetConfigurationAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(logoutToken, CreateParameters(configuration));
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return LogoutTokenValidationResult.Invalid($"JWT validation failed ({result.Exception?.GetType().Name ?? "unknown"})");
        }

        return CheckLogoutRules(token);
    }

    private LogoutTokenValidationResult CheckLogoutRules(JsonWebToken token)
    {
        if (!string.IsNullOrEmpty(token.Typ) && !AcceptedTypes.Contains(token.Typ, StringComparer.OrdinalIgnoreCase))
        {
            return LogoutTokenValidationResult.Invalid("unexpected typ header");
        }

        if (!HasBackChannelLogoutEvent(token))
        {
            return LogoutTokenValidationResult.Invalid("events claim lacks the back-channel logout event");
        }

        if (token.TryGetClaim("nonce", out _))
        {
            return LogoutTokenValidationResult.Invalid("nonce claim is forbidden");
        }

        if (token.IssuedAt == DateTime.MinValue)
        {
            return LogoutTokenValidationResult.Invalid("iat claim missing");
        }

        var sid = token.TryGetClaim(LobClaimTypes.SessionId, out var sidClaim) ? sidClaim.Value : null;
        var sub = token.TryGetClaim(LobClaimTypes.Subject, out var subClaim) ? subClaim.Value : null;
        if (string.IsNullOrEmpty(sid) && string.IsNullOrEmpty(sub))
        {
            return LogoutTokenValidationResult.Invalid("neither sid nor sub present");
        }

        if (string.IsNullOrEmpty(token.Id))
        {
            return LogoutTokenValidationResult.Invalid("jti claim missing");
        }

        // Recorded last, so a token rejected for another reason cannot burn its jti.
        if (!replayCache.TryAdd(token.Id, new DateTimeOffset(token.ValidTo, TimeSpan.Zero) + ClockSkew))
        {
            return LogoutTokenValidationResult.Invalid("jti replayed");
        }

        return LogoutTokenValidationResult.Valid(sid, sub);
    }

    private static bool HasBackChannelLogoutEvent(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<JsonElement>("events", out var events) || events.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        return events.TryGetProperty(BackChannelLogoutEvent, out var member) && member.ValueKind == JsonValueKind.Object;
    }

    private TokenValidationParameters CreateParameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = configuration.Issuer,
        ValidateIssuer = true,
        ValidAudience = clientOptions.Value.ClientId,
        ValidateAudience = true,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
    };
}
