using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography;

namespace GatewayPortal.Bench.LoadKit;

/// <summary>Runs the workers through warm-up and the measured window, then keeps only attempts that fall inside it.</summary>
public static class LoadRun
{
    /// <summary>
    /// The shared client: no cookie container (each worker sends the cookies it means to), no redirects followed,
    /// one connection per worker. With <paramref name="trustCertificatePath"/>, an https server may present exactly
    /// that certificate (pinned by its bytes) even though no authority signed it; every other certificate is
    /// validated as usual.
    /// </summary>
    public static HttpClient CreateClient(int concurrency, string? trustCertificatePath = null)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        if (trustCertificatePath is not null)
        {
            var pem = File.ReadAllText(trustCertificatePath);
            var fields = PemEncoding.Find(pem);
            var pinnedBytes = pem[fields.Label] is "CERTIFICATE"
                ? Convert.FromBase64String(pem[fields.Base64Data])
                : throw new ArgumentException($"{trustCertificatePath} does not start with a PEM CERTIFICATE");
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None
                    || (certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinnedBytes)),
            };
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(10) };
    }

    public static async Task<LoadResult> RunAsync(LoadOptions options, IReadOnlyList<ILoadWorker> workers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(workers);
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);

        // Hard bound: the run stops by itself even if the portal hangs.
        using var abort = new CancellationTokenSource(options.Warmup + options.Duration + TimeSpan.FromSeconds(30));
        var running = workers.Select(w => Task.Run(() => w.RunAsync(measureTo, abort.Token))).ToList();

        var cpuBefore = await SampleCpuAtAsync(options, measureFrom);
        var cpuAfter = await SampleCpuAtAsync(options, measureTo);
        await Task.WhenAll(running);

        var inWindow = workers.SelectMany(w => w.Samples).Where(s => s.EndTicks >= measureFrom && s.EndTicks <= measureTo).ToList();
        var cpu = cpuBefore.Where(b => cpuAfter.ContainsKey(b.Key))
            .ToDictionary(b => b.Key, b => cpuAfter[b.Key] - b.Value, StringComparer.Ordinal);
        if (cpu.Remove("machine", out var machine))
        {
            // Whatever else ran on the box in the window (builds, tests of other people): part of the honest picture.
            cpu["other"] = machine - cpu.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);
            cpu["idle"] = options.Duration * Environment.ProcessorCount - machine;
        }
        return new LoadResult(options.Label, options.Concurrency, options.Duration, inWindow, cpu)
        {
            WindowStartTicks = measureFrom,
            WindowEndTicks = measureTo,
        };
    }

    private static async Task<Dictionary<string, TimeSpan>> SampleCpuAtAsync(LoadOptions options, long ticks)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), ticks);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var cpu = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
        {
            ["loadgen"] = Process.GetCurrentProcess().TotalProcessorTime,
        };
        foreach (var watched in options.Watch)
        {
            if (watched.CpuTime() is { } time)
            {
                cpu[watched.Name] = time;
            }
        }

        cpu["machine"] = MachineCpu.BusyTime();
        return cpu;
    }
}
