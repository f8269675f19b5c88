using System.Globalization;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Storage;

namespace GatewayPortal.Search.Crawling.Sites;

/// <summary>One problem with a posted site form: the form property and a resource key with its arguments.</summary>
public sealed record CrawlSiteFieldError(string Field, string MessageKey, params object[] Arguments);

/// <summary>
/// The admin page's site form: every field as typed (so nothing is lost when validation fails), turned into a site by
/// <see cref="TryBuild"/>. Limits are tighter than configuration allows, because an administrator's typo should not
/// hammer a server.
/// </summary>
public sealed class CrawlSiteForm
{
    /// <summary>Visibility value: every signed-in member of staff.</summary>
    public const string Everyone = "everyone";

    /// <summary>Visibility value: members of the listed groups.</summary>
    public const string Groups = "groups";

    public const int MaxNameLength = 200;
    public const int MaxHosts = 20;
    public const int MaxGroups = 20;
    public const int MaxGroupLength = 256;
    public const int MaxPagesLimit = 100_000;
    public const int MaxDepthLimit = 50;
    public const int MaxDelaySeconds = 60;
    public const int MaxConcurrencyLimit = 8;
    public const int MinIntervalMinutes = 10;
    public const int MaxIntervalMinutes = 43_200;

    public string? Name { get; set; }

    public string? StartUrl { get; set; }

    /// <summary>Further hosts, one per line (or separated by spaces or commas).</summary>
    public string? AllowedHosts { get; set; }

    public string? MaxPages { get; set; }

    public string? MaxDepth { get; set; }

    /// <summary>Seconds, decimals allowed (0.5).</summary>
    public string? PolitenessDelaySeconds { get; set; }

    public string? MaxConcurrencyPerHost { get; set; }

    public string? IntervalMinutes { get; set; }

    /// <summary><see cref="Everyone"/> or <see cref="Groups"/>.</summary>
    public string? Visibility { get; set; }

    /// <summary>Directory groups, one per line or separated by commas.</summary>
    public string? AllowedGroups { get; set; }

    // No initializer: a posted form leaves an unchecked box false.
    public bool Enabled { get; set; }

    /// <summary>A new site's form with polite defaults.</summary>
    public static CrawlSiteForm CreateDefault() => new()
    {
        MaxPages = "1000",
        MaxDepth = "5",
        PolitenessDelaySeconds = "1",
        MaxConcurrencyPerHost = "1",
        IntervalMinutes = "360",
        Visibility = Everyone,
        Enabled = true,
    };

    /// <summary>The form filled from a stored site.</summary>
    public static CrawlSiteForm From(CrawlSiteDefinition site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var groups = site.AllowedGroups;
        return new()
        {
            Name = site.Name,
            StartUrl = site.StartUrl.AbsoluteUri,
            AllowedHosts = string.Join('\n', site.AllowedHosts),
            MaxPages = site.MaxPages.ToString(CultureInfo.InvariantCulture),
            MaxDepth = site.MaxDepth.ToString(CultureInfo.InvariantCulture),
            PolitenessDelaySeconds = site.PolitenessDelay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            MaxConcurrencyPerHost = site.MaxConcurrencyPerHost.ToString(CultureInfo.InvariantCulture),
            IntervalMinutes = ((int)site.Interval.TotalMinutes).ToString(CultureInfo.InvariantCulture),
            Visibility = site.AllowedPrincipals.Contains(SearchPrincipals.Everyone) ? Everyone : Groups,
            AllowedGroups = string.Join('\n', groups),
            Enabled = site.Enabled,
        };
    }

    /// <summary>The group names typed, trimmed, without duplicates.</summary>
    public IReadOnlyList<string> GroupNames() =>
        [.. (AllowedGroups ?? "").Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// Checks every field (all problems at once) and builds the site with <paramref name="key"/> and <paramref name="id"/>;
    /// null with <paramref name="errors"/> filled when something is wrong. Group existence is checked by the caller.
    /// </summary>
    public CrawlSiteDefinition? TryBuild(string? key, int? id, List<CrawlSiteFieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var name = (Name ?? "").Trim();
        if (name.Length == 0)
        {
            errors.Add(new(nameof(Name), "CrawlErrRequired"));
        }
        else if (name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add(new(nameof(Name), "CrawlErrName", MaxNameLength));
        }

        var start = ParseStartUrl(errors);
        var hosts = ParseHosts(errors);
        var maxPages = ParseInt(MaxPages, nameof(MaxPages), 1, MaxPagesLimit, errors);
        var maxDepth = ParseInt(MaxDepth, nameof(MaxDepth), 0, MaxDepthLimit, errors);
        var concurrency = ParseInt(MaxConcurrencyPerHost, nameof(MaxConcurrencyPerHost), 1, MaxConcurrencyLimit, errors);
        var interval = ParseInt(IntervalMinutes, nameof(IntervalMinutes), MinIntervalMinutes, MaxIntervalMinutes, errors);
        var delay = ParseDelay(errors);
        var principals = ParseVisibility(errors);
        if (errors.Count > 0)
        {
            return null;
        }

        return new CrawlSiteDefinition
        {
            Key = key ?? CrawlSiteDefinition.DefaultKey(start!),
            Id = id,
            Name = name,
            StartUrl = start!,
            AllowedHosts = hosts,
            MaxPages = maxPages,
            MaxDepth = maxDepth,
            PolitenessDelay = delay,
            MaxConcurrencyPerHost = concurrency,
            Interval = TimeSpan.FromMinutes(interval),
            AllowedPrincipals = principals,
            Enabled = Enabled,
        };
    }

    /// <summary>True for "host" or "host:port" (DNS name or IP address).</summary>
    public static bool IsValidHost(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var host = value;
        var colon = value.LastIndexOf(':');
        if (colon > 0 && !value.EndsWith(']') && value.IndexOf(':', StringComparison.Ordinal) == colon)
        {
            if (!int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                return false;
            }

            host = value[..colon];
        }

        return host.Length is > 0 and <= 253 && Uri.CheckHostName(host) is not (UriHostNameType.Unknown or UriHostNameType.Basic);
    }

    /// <summary>The start URL if it is an absolute http(s) URL without user name or password; fragments are dropped.</summary>
    public static Uri? ParseUrl(string? value)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0 || text.Length > SearchModelBuilderExtensions.MaxUrlLength
            || !Uri.TryCreate(text, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || url.UserInfo.Length > 0 || url.Host.Length == 0)
        {
            return null;
        }

        return new UriBuilder(url) { Fragment = "" }.Uri;
    }

    private Uri? ParseStartUrl(List<CrawlSiteFieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(StartUrl))
        {
            errors.Add(new(nameof(StartUrl), "CrawlErrRequired"));
            return null;
        }

        var url = ParseUrl(StartUrl);
        if (url is null)
        {
            errors.Add(new(nameof(StartUrl), "CrawlErrStartUrl"));
        }

        return url;
    }

    private string[] ParseHosts(List<CrawlSiteFieldError> errors)
    {
        string[] hosts = [.. (AllowedHosts ?? "").Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(h => h.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
        if (hosts.Length > MaxHosts)
        {
            errors.Add(new(nameof(AllowedHosts), "CrawlErrTooManyHosts", MaxHosts));
        }
        else if (hosts.FirstOrDefault(h => !IsValidHost(h)) is { } bad)
        {
            errors.Add(new(nameof(AllowedHosts), "CrawlErrHost", bad));
        }

        return hosts;
    }

    private string[] ParseVisibility(List<CrawlSiteFieldError> errors)
    {
        if (Visibility == Everyone)
        {
            return [SearchPrincipals.Everyone];
        }

        if (Visibility != Groups)
        {
            errors.Add(new(nameof(Visibility), "CrawlErrVisibility"));
            return [];
        }

        var groups = GroupNames();
        if (groups.Count == 0)
        {
            errors.Add(new(nameof(AllowedGroups), "CrawlErrNoGroups"));
        }
        else if (groups.Count > MaxGroups)
        {
            errors.Add(new(nameof(AllowedGroups), "CrawlErrTooManyGroups", MaxGroups));
        }
        else if (groups.FirstOrDefault(g => g.Length > MaxGroupLength || g.Any(char.IsControl)) is { } bad)
        {
            errors.Add(new(nameof(AllowedGroups), "CrawlErrGroupName", bad.Length > 40 ? bad[..40] + "…" : bad));
        }

        return [.. SearchPrincipals.ForGroups(groups)];
    }

    private TimeSpan ParseDelay(List<CrawlSiteFieldError> errors)
    {
        var text = (PolitenessDelaySeconds ?? "").Trim();
        if (text.Length == 0)
        {
            errors.Add(new(nameof(PolitenessDelaySeconds), "CrawlErrRequired"));
            return TimeSpan.Zero;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxDelaySeconds)
        {
            errors.Add(new(nameof(PolitenessDelaySeconds), "CrawlErrDelay", MaxDelaySeconds));
            return TimeSpan.Zero;
        }

        return TimeSpan.FromMilliseconds((double)Math.Round(seconds * 1000));
    }

    private static int ParseInt(string? value, string field, int min, int max, List<CrawlSiteFieldError> errors)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            errors.Add(new(field, "CrawlErrRequired"));
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            errors.Add(new(field, "CrawlErrRange", min, max));
            return 0;
        }

        return number;
    }
}
