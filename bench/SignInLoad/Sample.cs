namespace GatewayPortal.Bench.SignInLoad;

/// <summary>One sign-in attempt: when it started and ended (Stopwatch ticks) and how it ended.</summary>
internal readonly record struct Sample(long StartTicks, long EndTicks, string Outcome)
{
    public const string SignedIn = "signed-in";

    public bool Succeeded => ReferenceEquals(Outcome, SignedIn);

    public long LatencyTicks => EndTicks - StartTicks;
}
