namespace GatewayPortal.Search.Changes;

/// <summary>How far this node's index has followed the search change feed (for metrics and the health check).</summary>
public sealed class SearchChangeFollowerState(TimeProvider timeProvider)
{
    private readonly DateTimeOffset _created = timeProvider.GetUtcNow();
    private long _currentAsOfTicks;
    private long _position;

    /// <summary>True once the index was built or caught up and the feed is being followed.</summary>
    public bool Following => Volatile.Read(ref _currentAsOfTicks) != 0;

    /// <summary>Every change at or below this sequence number is applied.</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>
    /// How far behind the other nodes' changes this index may be: the time since the last poll that found it
    /// current began (about the poll interval when all is well), or since start while the index is being built.
    /// </summary>
    public TimeSpan Lag
    {
        get
        {
            var ticks = Volatile.Read(ref _currentAsOfTicks);
            var since = ticks == 0 ? _created : new DateTimeOffset(ticks, TimeSpan.Zero);
            var lag = timeProvider.GetUtcNow() - since;
            return lag < TimeSpan.Zero ? TimeSpan.Zero : lag;
        }
    }

    /// <summary>Records a poll that began at <paramref name="asOf"/> and left the index current.</summary>
    public void Current(DateTimeOffset asOf, long position)
    {
        Volatile.Write(ref _position, position);
        Volatile.Write(ref _currentAsOfTicks, asOf.UtcTicks);
    }

    /// <summary>Records progress through a backlog.</summary>
    public void Progress(long position) => Volatile.Write(ref _position, position);
}
