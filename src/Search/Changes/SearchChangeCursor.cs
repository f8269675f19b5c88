namespace GatewayPortal.Search.Changes;

/// <summary>
/// Where a node is in the search change feed. Sequence numbers are handed out when a row is inserted but rows become
/// visible when their transactions commit, so a lower number can appear after a higher one was read. The cursor keeps
/// a floor (every number at or below it is done), the numbers done above it, and the gaps between: a gap is read
/// again on each poll until its row turns up or <c>gapWait</c> has passed (a rolled-back insert never will).
/// Not thread-safe: one follower loop owns it.
/// </summary>
internal sealed class SearchChangeCursor(long floor, TimeSpan gapWait)
{
    /// <summary>A gap wider than this (a sequence jump after a crash) is not tracked number by number.</summary>
    internal const int MaxTrackedGap = 10_000;

    private readonly SortedSet<long> _done = [];
    private readonly Dictionary<long, DateTimeOffset> _gaps = [];

    /// <summary>Every sequence number at or below this is applied or given up on.</summary>
    public long Floor { get; private set; } = floor;

    /// <summary>The highest sequence number applied.</summary>
    public long Highest => _done.Count > 0 ? Math.Max(Floor, _done.Max) : Floor;

    /// <summary>Missing sequence numbers between <see cref="Floor"/> and <see cref="Highest"/>, to read again.</summary>
    public IReadOnlyCollection<long> Gaps => _gaps.Keys;

    /// <summary>True when <paramref name="id"/> has not been applied yet.</summary>
    public bool IsNew(long id) => id > Floor && !_done.Contains(id);

    /// <summary>Records that the change <paramref name="id"/> was applied.</summary>
    public void MarkDone(long id)
    {
        if (id > Floor)
        {
            _done.Add(id);
            _gaps.Remove(id);
        }
    }

    /// <summary>Notes new gaps (first seen at <paramref name="now"/>), gives up on old ones and moves the floor up.</summary>
    public void Advance(DateTimeOffset now)
    {
        var highest = Highest;
        if (highest - Floor > MaxTrackedGap)
        {
            // A jump this wide is a sequence skipping ahead, not transactions in flight.
            _gaps.Clear();
            Floor = _done.Count > 0 ? _done.Min - 1 : Floor;
        }

        for (var id = Floor + 1; id < highest; id++)
        {
            if (!_done.Contains(id))
            {
                _gaps.TryAdd(id, now);
            }
        }

        while (true)
        {
            var next = Floor + 1;
            if (_done.Remove(next))
            {
                Floor = next;
            }
            else if (_gaps.TryGetValue(next, out var since) && now - since >= gapWait)
            {
                _gaps.Remove(next);
                Floor = next;
            }
            else
            {
                break;
            }
        }
    }
}
