using System.Collections.Concurrent;

namespace GatewayPortal.Samples.LineOfBusiness.Counters;

/// <summary>
/// The sample's own work: documents waiting for each person's approval (in memory; a real system reads its database).
/// Every change is handed to <see cref="PortalCounterPublisher"/>, which tells the portal.
/// </summary>
public sealed class ApprovalInbox(PortalCounterPublisher publisher)
{
    /// <summary>How many documents a person finds waiting the first time they open the sample.</summary>
    public const int InitialWaiting = 3;

    private readonly ConcurrentDictionary<string, int> _waiting = new(StringComparer.Ordinal);

    /// <summary>Everyone's counts.</summary>
    public IReadOnlyDictionary<string, int> Snapshot => _waiting;

    /// <summary>The person's waiting count; the first time, their inbox starts with <see cref="InitialWaiting"/> documents.</summary>
    public int Open(string subject, string url)
    {
        var added = false;
        var count = _waiting.GetOrAdd(subject, _ =>
        {
            added = true;
            return InitialWaiting;
        });
        if (added)
        {
            publisher.Enqueue(subject, count, url);
        }

        return count;
    }

    /// <summary>Approves one document; returns what is left.</summary>
    public int ApproveOne(string subject, string url)
    {
        var left = _waiting.AddOrUpdate(subject, 0, (_, n) => Math.Max(0, n - 1));
        publisher.Enqueue(subject, left, url);
        return left;
    }
}
