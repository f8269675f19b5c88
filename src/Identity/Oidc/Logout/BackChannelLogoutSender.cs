using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Oidc.Keys;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GatewayPortal.Identity.Oidc.Logout;

/// <summary>
/// Delivers OpenID Connect Back-Channel Logout 1.0 tokens: a signed JWT (typ logout+jwt) POSTed as
/// <c>logout_token</c>; retried with back-off (1 s, 4 s, 16 s); a delivery that still fails is audited.
/// </summary>
internal sealed partial class BackChannelLogoutSender(
    IHttpClientFactory httpClients,
    OidcKeyRing keys,
    ISignInAuditLog audit,
    TimeProvider time,
    ILogger<BackChannelLogoutSender> logger) : BackgroundService
{
    /// <summary>The named HttpClient used for deliveries.</summary>
    public const string HttpClientName = "GatewayPortal.BackChannelLogout";

    private const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(16)];
    private readonly Channel<LogoutDelivery> _queue = Channel.CreateBounded<LogoutDelivery>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });

    public ValueTask EnqueueAsync(LogoutDelivery delivery, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(delivery, cancellationToken);

    /// <summary>
    /// Delivers every queued token now (side by side, with the usual retries) and returns once each is delivered or has
    /// failed for good. For a host that does not run this service (the operator command line); a node's own loop must
    /// not run at the same time.
    /// </summary>
    /// <returns>Tokens delivered and tokens that failed for good (those are also in the audit log).</returns>
    public async Task<(int Delivered, int Failed)> DeliverQueuedAsync(CancellationToken cancellationToken)
    {
        var running = new List<Task<bool>>();
        while (_queue.Reader.TryRead(out var delivery))
        {
            running.Add(DeliverAsync(delivery, cancellationToken));
        }

        var outcomes = await Task.WhenAll(running).ConfigureAwait(false);
        return (outcomes.Count(o => o), outcomes.Count(o => !o));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Deliveries run side by side so one slow application does not hold up the others.
        var running = new List<Task>();
        await foreach (var delivery in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            running.RemoveAll(t => t.IsCompleted);
            running.Add(DeliverAsync(delivery, stoppingToken));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task<bool> DeliverAsync(LogoutDelivery delivery, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            string? failure;
            try
            {
                using var client = httpClients.CreateClient(HttpClientName);
                using var content = new FormUrlEncodedContent([new("logout_token", CreateToken(delivery))]);
                using var response = await client.PostAsync(new Uri(delivery.Uri), content, stoppingToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    LogDelivered(logger, delivery.ClientId, delivery.SessionId);
                    return true;
                }

                failure = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                failure = ex.GetType().Name;
            }

            if (attempt == Backoff.Length)
            {
                LogFailed(logger, delivery.ClientId, delivery.SessionId, failure);
                await audit.RecordAsync(new(delivery.Login, SignInOutcome.ApplicationLogoutFailed, $"{delivery.ClientId}: {failure}", new SignInClient(null, null), delivery.SubjectId), CancellationToken.None).ConfigureAwait(false);
                return false;
            }

            LogRetry(logger, delivery.ClientId, failure, Backoff[attempt]);
            await Task.Delay(Backoff[attempt], time, stoppingToken).ConfigureAwait(false);
        }
    }

    private string CreateToken(LogoutDelivery delivery)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = delivery.Issuer,
            Audience = delivery.ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(2),
            // Signed like the client's identity tokens (OIDC Back-Channel Logout 1.0 §2.4).
            SigningCredentials = keys.Current.SigningFor(delivery.SigningAlgorithm == OidcKeyAlgorithms.Rs256 ? OidcKeyAlgorithms.Rs256 : OidcKeyAlgorithms.Es256)
                ?? throw new InvalidOperationException("The OIDC keys are not loaded yet."),
            TokenType = "logout+jwt",
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", delivery.SubjectId),
                new Claim("sid", delivery.SessionId),
                new Claim("jti", Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16))),
            ]),
            Claims = new Dictionary<string, object>
            {
                ["events"] = JsonSerializer.SerializeToElement(new Dictionary<string, object> { [LogoutEvent] = new { } }),
            },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Back-channel logout delivered to {ClientId} for session {SessionId}")]
    private static partial void LogDelivered(ILogger logger, string clientId, string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Back-channel logout to {ClientId} failed ({Failure}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string clientId, string? failure, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Back-channel logout to {ClientId} for session {SessionId} failed for good ({Failure})")]
    private static partial void LogFailed(ILogger logger, string clientId, string sessionId, string? failure);
}
