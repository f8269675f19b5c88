using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using GatewayPortal.Samples.LineOfBusiness.Configuration;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Samples.LineOfBusiness.Counters;

/// <summary>
/// Tells the portal how much work waits for each person (docs/counters-api.md): gets an access token with the client
/// credentials grant and scope <c>portal.counters</c>, keeps it until shortly before it expires, and sends changes in
/// batches to <c>POST {Authority}/api/v1/counters</c> off the request path. A push that fails is logged and dropped:
/// the next change, or the next start, sends the count again (counters expire after a day if nothing is sent).
/// </summary>
public sealed partial class PortalCounterPublisher(
    IHttpClientFactory httpClients, IOptions<OidcClientOptions> options, ILogger<PortalCounterPublisher> logger) : BackgroundService
{
    /// <summary>The named HttpClient used for the portal.</summary>
    public const string HttpClientName = "portal-counters";

    /// <summary>The counter's key in the portal.</summary>
    public const string Key = "approvals";

    private const int MaxBatch = 1000;
    private readonly Channel<(string Subject, int Value, string Url)> _changes = Channel.CreateBounded<(string, int, string)>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private (string Token, DateTimeOffset Expires)? _token;

    /// <summary>Queues a person's new count for the portal.</summary>
    public void Enqueue(string subject, int value, string url) => _changes.Writer.TryWrite((subject, value, url));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new Dictionary<string, (int Value, string Url)>(StringComparer.Ordinal);
        while (await _changes.Reader.WaitToReadAsync(stoppingToken))
        {
            // The latest value per person wins; one request carries up to MaxBatch people.
            while (batch.Count < MaxBatch && _changes.Reader.TryRead(out var change))
            {
                batch[change.Subject] = (change.Value, change.Url);
            }

            try
            {
                await PushAsync(batch, stoppingToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                LogPushFailed(logger, batch.Count, ex);
            }

            batch.Clear();
        }
    }

    private async Task PushAsync(Dictionary<string, (int Value, string Url)> batch, CancellationToken cancellationToken)
    {
        var body = new
        {
            items = batch.Select(p => new { sub = p.Key, key = Key, label = "결재 대기", labelEn = "Approvals waiting", value = p.Value.Value, url = p.Value.Url }),
        };
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var token = await TokenAsync(forceNew: attempt > 0, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Value.Authority), "api/v1/counters")) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                continue;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                LogPushed(logger, batch.Count, text);
            }
            else
            {
                LogPushRefused(logger, (int)response.StatusCode, text);
            }

            return;
        }
    }

    private async Task<string> TokenAsync(bool forceNew, CancellationToken cancellationToken)
    {
        if (!forceNew && _token is { } cached && cached.Expires > DateTimeOffset.UtcNow.AddMinutes(1))
        {
            return cached.Token;
        }

        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(o.Authority), "connect/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "portal.counters" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            System.Text.Encoding.UTF8.GetBytes(Uri.EscapeDataString(o.ClientId) + ":" + Uri.EscapeDataString(o.ClientSecret))));
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var token = json.GetProperty("access_token").GetString() ?? throw new InvalidOperationException("The token response has no access_token.");
        var lifetime = json.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 300;
        _token = (token, DateTimeOffset.UtcNow.AddSeconds(lifetime));
        return token;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pushed {Count} work counters to the portal: {Result}")]
    private static partial void LogPushed(ILogger logger, int count, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The portal refused the work counters ({Status}): {Problem}")]
    private static partial void LogPushRefused(ILogger logger, int status, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing {Count} work counters to the portal failed; they are sent again on the next change")]
    private static partial void LogPushFailed(ILogger logger, int count, Exception exception);
}
