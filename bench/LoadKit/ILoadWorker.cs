namespace GatewayPortal.Bench.LoadKit;

/// <summary>One closed-loop client: repeats its attempt until the stop time and records a <see cref="Sample"/> for each.</summary>
public interface ILoadWorker
{
    IReadOnlyList<Sample> Samples { get; }

    /// <summary>Runs attempts back to back until <paramref name="stopTicks"/> (Stopwatch ticks).</summary>
    Task RunAsync(long stopTicks, CancellationToken cancellationToken);
}
