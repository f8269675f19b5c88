using System.Threading.Channels;
using GatewayPortal.Identity.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Identity.Audit;

/// <summary>
/// Queues audit events and writes them in batches, so that a busy morning costs one insert
/// transaction per batch instead of one per sign-in. Drains the queue on shutdown.
/// </summary>
internal sealed partial class SignInAuditWriter(
    IServiceScopeFactory scopeFactory,
    TimeProvider timeProvider,
    ILogger<SignInAuditWriter> logger) : BackgroundService, ISignInAuditLog
{
    private const int MaxBatch = 500;

    private readonly Channel<SignInAuditEntry> _queue = Channel.CreateBounded<SignInAuditEntry>(
        new BoundedChannelOptions(20_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <inheritdoc/>
    public ValueTask RecordAsync(SignInAuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var entry = new SignInAuditEntry
        {
            TimestampUtc = timeProvider.GetUtcNow().UtcDateTime,
            Login = Cut(auditEvent.Login, SignInAuditEntry.MaxLoginLength) ?? "",
            SubjectId = auditEvent.SubjectId,
            DisplayName = Cut(auditEvent.DisplayName, 200),
            IpAddress = Cut(auditEvent.Client.IpAddress, 64),
            UserAgent = Cut(auditEvent.Client.UserAgent, SignInAuditEntry.MaxUserAgentLength),
            Outcome = auditEvent.Outcome,
            Reason = Cut(auditEvent.Reason, 64),
        };
        return _queue.Writer.WriteAsync(entry, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<SignInAuditEntry>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(batch, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: fall through and write what is left.
        }

        await DrainAsync(batch, CancellationToken.None);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task DrainAsync(List<SignInAuditEntry> batch, CancellationToken cancellationToken)
    {
        while (_queue.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
            if (batch.Count == MaxBatch)
            {
                await WriteAsync(batch, cancellationToken);
            }
        }

        if (batch.Count > 0)
        {
            await WriteAsync(batch, cancellationToken);
        }
    }

    private async Task WriteAsync(List<SignInAuditEntry> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IIdentityDbContext>();
                db.SignInAudit.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                batch.Clear();
                return;
            }
            catch (Exception ex) when (attempt < 5 && ex is not OperationCanceledException)
            {
                LogWriteRetry(logger, ex, batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), timeProvider, cancellationToken);
            }
            catch (Exception ex)
            {
                LogWriteFailed(logger, ex, batch.Count);
                batch.Clear();
                return;
            }
        }
    }

    private static string? Cut(string? value, int max) =>
        value is { Length: > 0 } && value.Length > max ? value[..max] : value;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} sign-in audit entries failed (attempt {Attempt}); retrying")]
    private static partial void LogWriteRetry(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} sign-in audit entries failed; they are lost")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
