using System.Diagnostics;
using System.Globalization;
using GatewayPortal.Identity.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Bench.HomeBench;

/// <summary>The launcher's read alone (catalogue from memory, favourites and launches queries), as the home calls it, in a fresh scope each time.</summary>
internal static class ServiceCost
{
    public static async Task<string> LauncherReadAsync(IServiceProvider services, int calls)
    {
        string subject;
        using (var first = services.CreateScope())
        {
            subject = await first.ServiceProvider.GetRequiredService<IApplicationsDbContext>().ApplicationFavorites.Select(f => f.SubjectId).FirstAsync();
        }

        string[] groups = ["staff-all", "staff-hq"];
        var samples = new List<double>(calls);
        var process = Process.GetCurrentProcess();
        for (var i = -100; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ILauncherService>().GetAsync(subject, groups, null);
            if (i >= 0)
            {
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        samples.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"LauncherService.GetAsync alone (new scope each): p50 {samples[calls / 2]:F2} ms, p90 {samples[calls * 9 / 10]:F2} ms over {calls} calls");
    }
}
