using System.Globalization;

namespace GatewayPortal.Bench.SearchBench;

/// <summary>Garbage-collection counters at one instant, to report what a phase of the bench cost in collections.</summary>
internal readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
{
    public static GcSnapshot Take() => new(
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

    public string Since(GcSnapshot before) => string.Create(
        CultureInfo.InvariantCulture,
        $"gen0 {Gen0 - before.Gen0}, gen1 {Gen1 - before.Gen1}, gen2 {Gen2 - before.Gen2}, pauses {(Paused - before.Paused).TotalMilliseconds:F0} ms, allocated {(Allocated - before.Allocated) / 1048576.0:N0} MB");
}
