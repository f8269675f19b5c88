using System.Diagnostics;
using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Bench.OrgChartBench;

/// <summary>Times GETs of the org pages through the in-process portal, signed in, after the chart has loaded.</summary>
internal static class PageRenders
{
    public static async Task MeasureAsync(PortalApplicationFactory portal, Organization organization, int count, TimingSamples samples)
    {
        using var client = portal.CreatePortalClient();
        var signIn = await client.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);
        if ((int)signIn.StatusCode is not (302 or 303))
        {
            throw new InvalidOperationException($"sign-in answered {signIn.StatusCode}");
        }

        var clock = Stopwatch.StartNew();
        while ((await client.GetAsync("/org")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("the org chart did not load");
            }

            await Task.Delay(200);
        }

        Console.WriteLine($"portal's chart ready {clock.ElapsedMilliseconds:N0} ms after sign-in");
        var team = organization.Teams.GroupBy(t => t.Code).OrderByDescending(g => organization.People.Count(p => p.Team.Code == g.Key)).First().Key;
        var biggestDivision = organization.Units.Where(u => u.Code.StartsWith("hq-", StringComparison.Ordinal) && u.Code.Count(c => c == '-') == 2)
            .MaxBy(u => organization.People.Count(p => p.Team.DepartmentCode == u.Code))!.Code;
        (string Name, string Path)[] pages =
        [
            ("department page: largest team", "/org/" + team),
            ("department page: largest 과 (first 100 members)", "/org/" + biggestDivision),
            ("department page: 과, last page", "/org/" + biggestDivision + "?page=9999"),
            ("department page: 국", "/org/hq-03"),
            ("department page: 본청 (all HQ, page 1)", "/org/hq"),
            ("/org (top levels)", "/org"),
            ("/org opened at a team", "/org?open=" + team),
            ("/org search 김 (50 + 50 results)", "/org?q=%EA%B9%80"),
        ];
        // Warm up every page well past tiered JIT's promotion (30 calls), then measure the pages in turn, so noise
        // from the shared machine falls on all of them alike.
        for (var i = 0; i < 100; i++)
        {
            foreach (var (_, path) in pages)
            {
                await (await client.GetAsync(path)).Content.ReadAsByteArrayAsync();
            }
        }

        for (var i = 0; i < count; i++)
        {
            foreach (var (name, path) in pages)
            {
                clock.Restart();
                var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                samples.Add(name, name.StartsWith("department", StringComparison.Ordinal) ? "≤ 20 ms" : "-", clock.Elapsed);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{path} answered {response.StatusCode}");
                }

                if (i == 0)
                {
                    Console.WriteLine($"{path}: {body.Length / 1024.0:F1} KB of HTML");
                }
            }
        }
    }
}
