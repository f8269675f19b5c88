using System.Globalization;
using System.Text.RegularExpressions;

namespace GatewayPortal.Search.Crawling;

/// <summary>The robots.txt rules that apply to our agent (or to <c>*</c>), with longest-match Allow/Disallow.</summary>
internal sealed class RobotsRules
{
    public const string AgentToken = "GatewayPortalBot";

    private readonly List<RobotsRule> _rules;

    private RobotsRules(List<RobotsRule> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
    }

    /// <summary>Allows everything (no robots.txt).</summary>
    public static RobotsRules AllowAll { get; } = new([], null, []);

    /// <summary>Allows nothing (robots.txt failed with a server error).</summary>
    public static RobotsRules DisallowAll { get; } = new([RobotsRule.Create("/", allow: false)], null, []);

    public TimeSpan? CrawlDelay { get; }

    public IReadOnlyList<string> Sitemaps { get; }

    public static RobotsRules Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<string> sitemaps = [];
        List<RobotsGroup> groups = [];
        RobotsGroup? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#')[0];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field == "user-agent")
            {
                if (!lastWasAgent || current is null)
                {
                    current = new RobotsGroup();
                    groups.Add(current);
                }

                current.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (field == "sitemap")
            {
                sitemaps.Add(value);
            }
            else if (current is not null && field is "allow" or "disallow" && value.Length > 0)
            {
                current.Rules.Add(RobotsRule.Create(value, field == "allow"));
            }
            else if (current is not null && field == "crawl-delay"
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 3600)
            {
                current.Delay = TimeSpan.FromSeconds(seconds);
            }
        }

        var agent = AgentToken.ToLowerInvariant();
        var mine = groups.Where(g => g.Agents.Any(a => a != "*" && a.Length > 0 && agent.Contains(a, StringComparison.Ordinal))).ToList();
        if (mine.Count == 0)
        {
            mine = [.. groups.Where(g => g.Agents.Contains("*"))];
        }

        return new([.. mine.SelectMany(g => g.Rules)], mine.Max(g => g.Delay), sitemaps);
    }

    /// <summary>True when <paramref name="url"/> may be fetched; the longest matching rule wins, Allow on ties.</summary>
    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.PathAndQuery;
        var best = -1;
        var allowed = true;
        foreach (var rule in _rules)
        {
            if ((rule.Length > best || (rule.Length == best && rule.Allow)) && rule.Pattern.IsMatch(path))
            {
                best = rule.Length;
                allowed = rule.Allow;
            }
        }

        return allowed;
    }

    private sealed class RobotsGroup
    {
        public List<string> Agents { get; } = [];

        public List<RobotsRule> Rules { get; } = [];

        public TimeSpan? Delay { get; set; }
    }

    private sealed record RobotsRule(Regex Pattern, int Length, bool Allow)
    {
        // '*' matches any run of characters and a trailing '$' anchors the end (RFC 9309).
        public static RobotsRule Create(string value, bool allow)
        {
            var anchored = value.EndsWith('$');
            var body = Regex.Escape(anchored ? value[..^1] : value).Replace(@"\*", ".*", StringComparison.Ordinal);
            var regex = new Regex("^" + body + (anchored ? "$" : string.Empty), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return new(regex, value.Length, allow);
        }
    }
}
