using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace GatewayPortal.Bench.HomeBench;

/// <summary>The server's time for each request, from the first middleware until the response is written, by path.</summary>
internal sealed class ServerTimer : IStartupFilter
{
    public ConcurrentQueue<(string Path, double Milliseconds)> Samples { get; } = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, call) =>
        {
            var start = Stopwatch.GetTimestamp();
            await call(context);
            Samples.Enqueue((context.Request.Path.Value ?? "", Stopwatch.GetElapsedTime(start).TotalMilliseconds));
        });
        next(app);
    };
}
