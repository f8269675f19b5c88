namespace GatewayPortal.Bench.LoadKit;

/// <summary>One attempt: when it started and ended (Stopwatch ticks), how it ended and how many response bytes it read.</summary>
public readonly record struct Sample(long StartTicks, long EndTicks, string Outcome, long Bytes = 0)
{
    /// <summary>The outcome of a successful attempt (compared by reference).</summary>
    public const string Ok = "ok";

    public bool Succeeded => ReferenceEquals(Outcome, Ok);

    public long LatencyTicks => EndTicks - StartTicks;
}
