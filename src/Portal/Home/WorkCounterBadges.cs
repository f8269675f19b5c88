using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Counters;

namespace GatewayPortal.Portal.Home;

/// <summary>Turns a person's counters into what the pages show: trimmed to the applications they may use.</summary>
public static class WorkCounterBadges
{
    /// <summary>The sum of the counters per application id, only for applications in <paramref name="visible"/>; zeros left out.</summary>
    public static IReadOnlyDictionary<int, long> SumByApplication(IEnumerable<WorkCounter> counters, IReadOnlyDictionary<int, LauncherApp> visible)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(visible);
        var sums = new Dictionary<int, long>();
        foreach (var counter in counters)
        {
            if (counter.Value > 0 && visible.ContainsKey(counter.ApplicationId))
            {
                sums[counter.ApplicationId] = sums.GetValueOrDefault(counter.ApplicationId) + counter.Value;
            }
        }

        return sums;
    }

    /// <summary>The counters as 할 일 items, for applications in <paramref name="visible"/>, in the reader's order; zeros left out.</summary>
    public static IReadOnlyList<HomeWorkItem> Items(IEnumerable<WorkCounter> counters, IReadOnlyDictionary<int, LauncherApp> visible, bool english)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(visible);
        return
        [
            .. counters
                .Where(c => c.Value > 0)
                .Select(c => (Counter: c, App: visible.GetValueOrDefault(c.ApplicationId)))
                .Where(x => x.App is not null)
                .Select(x => new HomeWorkItem(
                    x.App!,
                    english && !string.IsNullOrWhiteSpace(x.Counter.LabelEn) ? x.Counter.LabelEn : x.Counter.LabelKo,
                    x.Counter.Value,
                    LaunchTarget.Link(x.App!.ClientId, x.Counter.Url))),
        ];
    }
}
