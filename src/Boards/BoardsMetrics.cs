using System.Diagnostics.Metrics;

namespace GatewayPortal.Boards;

/// <summary>The notice boards' metrics (meter <see cref="MeterName"/>): notices posted and first reads of a notice.</summary>
public sealed class BoardsMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "GatewayPortal.Boards";

    private readonly Counter<long> _posted;
    private readonly Counter<long> _read;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public BoardsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _posted = meter.CreateCounter<long>("gatewayportal.notices.posted", "{notice}", "Notices posted on a board.");
        _read = meter.CreateCounter<long>("gatewayportal.notices.read", "{read}", "Notices opened for the first time by a person (each person's first read counts once).");
    }

    /// <summary>Counts a notice posted.</summary>
    public void Posted() => _posted.Add(1);

    /// <summary>Counts a person's first read of a notice.</summary>
    public void Read() => _read.Add(1);
}
