using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GatewayPortal.Bench.WikiBench;

/// <summary>
/// Runs the wiki benchmarks: <c>dotnet run -c Release --project bench/WikiBench -- --filter '*'</c> for BenchmarkDotNet,
/// <c>-- save-latency</c> for the SQLite save latency loop, <c>-- watch-changes</c> for the watch list on 100,000 revisions (percentiles need every sample, not iteration means).
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        if (args is ["save-latency", ..])
        {
            await SaveLatency.RunAsync();
            return;
        }

        if (args is ["watch-changes", .. var rest])
        {
            await WatchChanges.RunAsync(keep: rest is ["keep"]);
            return;
        }

        if (args is ["shapes", .. var only])
        {
            await ShapeTimer.RunAsync(only);
            return;
        }

        // In-process: the generated-project toolchain looks for a csproj named after the assembly (GatewayPortal.Bench.WikiBench).
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
