using System.Text.RegularExpressions;

namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>Checks each item of a request against the field rules and the application's own origins (no directory work).</summary>
public static partial class WorkCounterValidator
{
    /// <summary>
    /// The rows to write (in request order; for a sub and key sent twice, the last one) and the items refused.
    /// Links must be http(s), without user info, and on the origin of the application's launch URL or one of its redirect URIs.
    /// </summary>
    public static (List<(int Index, WorkCounterRow Row)> Rows, List<WorkCounterRejection> Rejected) Validate(
        PortalApplication application, WorkCounterBatch batch, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(batch);
        var rejected = new List<WorkCounterRejection>();
        if (batch.Ttl is { } requestTtl && Ttl(requestTtl) is null)
        {
            throw new WorkCounterRequestException($"ttl must be {(int)WorkCounterLimits.MinTtl.TotalSeconds} to {(int)WorkCounterLimits.MaxTtl.TotalSeconds} seconds.");
        }

        var origins = Origins(application);
        var checkedUrls = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<(int, WorkCounterRow)>(batch.Items.Count);
        var positions = new Dictionary<(string, string), int>();
        for (var i = 0; i < batch.Items.Count; i++)
        {
            var item = batch.Items[i];
            if (Check(item, origins, checkedUrls) is { } problem)
            {
                rejected.Add(new(i, Cut(item.Sub, WorkCounterLimits.MaxSubjectLength), Cut(item.Key, WorkCounterLimits.MaxKeyLength), problem.Error, problem.Message));
                continue;
            }

            var ttl = Ttl(item.Ttl ?? batch.Ttl ?? (int)WorkCounterLimits.DefaultTtl.TotalSeconds)!.Value;
            var row = new WorkCounterRow
            {
                ApplicationId = application.Id,
                SubjectId = item.Sub!,
                Key = item.Key!,
                LabelKo = item.Label!.Trim(),
                LabelEn = string.IsNullOrWhiteSpace(item.LabelEn) ? null : item.LabelEn.Trim(),
                Value = item.Value!.Value,
                Url = string.IsNullOrEmpty(item.Url) ? null : item.Url,
                UpdatedUtc = nowUtc,
                ExpiresUtc = nowUtc + ttl,
            };
            if (positions.TryGetValue((row.SubjectId, row.Key), out var earlier))
            {
                var (earlierIndex, _) = rows[earlier];
                rejected.Add(new(earlierIndex, row.SubjectId, row.Key, "duplicate", $"items[{i}] sets the same sub and key later in the request; the later item wins."));
                rows[earlier] = (i, row);
            }
            else
            {
                positions[(row.SubjectId, row.Key)] = rows.Count;
                rows.Add((i, row));
            }
        }

        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return (rows, rejected);
    }

    /// <summary>Whether <paramref name="key"/> is a valid counter key.</summary>
    public static bool IsValidKey(string? key) => key is { Length: > 0 and <= WorkCounterLimits.MaxKeyLength } && KeyPattern().IsMatch(key);

    private static (string Error, string Message)? Check(WorkCounterItem item, HashSet<string> origins, HashSet<string> checkedUrls)
    {
        if (string.IsNullOrEmpty(item.Sub) || item.Sub.Length > WorkCounterLimits.MaxSubjectLength || HasControl(item.Sub) || item.Sub.Trim().Length != item.Sub.Length)
        {
            return ("invalid_sub", $"sub is required: the subject id the system received, at most {WorkCounterLimits.MaxSubjectLength} characters.");
        }

        if (!IsValidKey(item.Key))
        {
            return ("invalid_key", $"key must be 1-{WorkCounterLimits.MaxKeyLength} characters of a-z, 0-9, '.', '_' and '-'.");
        }

        if (string.IsNullOrWhiteSpace(item.Label) || !IsLabel(item.Label) || (!string.IsNullOrEmpty(item.LabelEn) && !IsLabel(item.LabelEn)))
        {
            return ("invalid_label", $"label is required and label and labelEn are at most {WorkCounterLimits.MaxLabelLength} characters without control characters.");
        }

        if (item.Value is not { } value || value < 0 || value > WorkCounterLimits.MaxValue)
        {
            return ("invalid_value", $"value is required: a whole number from 0 to {WorkCounterLimits.MaxValue} (0 removes the counter).");
        }

        if (item.Ttl is { } ttl && Ttl(ttl) is null)
        {
            return ("invalid_ttl", $"ttl must be {(int)WorkCounterLimits.MinTtl.TotalSeconds} to {(int)WorkCounterLimits.MaxTtl.TotalSeconds} seconds.");
        }

        if (!string.IsNullOrEmpty(item.Url) && !checkedUrls.Contains(item.Url))
        {
            if (item.Url.Length > WorkCounterLimits.MaxUrlLength
                || !Uri.TryCreate(item.Url, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || !string.IsNullOrEmpty(uri.UserInfo)
                || HasControl(item.Url))
            {
                return ("invalid_url", $"url must be an absolute http(s) URL of at most {WorkCounterLimits.MaxUrlLength} characters without user info.");
            }

            if (!origins.Contains(uri.GetLeftPart(UriPartial.Authority)))
            {
                return ("url_not_allowed", "url must be on the application's own origin (its launch URL or a registered redirect URI).");
            }

            // A bulk request often repeats one link: parse it once.
            checkedUrls.Add(item.Url);
        }

        return null;
    }

    private static HashSet<string> Origins(PortalApplication application)
    {
        var origins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in application.RedirectUris.Append(application.LaunchUrl))
        {
            if (value is not null && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                origins.Add(uri.GetLeftPart(UriPartial.Authority));
            }
        }

        return origins;
    }

    private static TimeSpan? Ttl(int seconds)
    {
        var ttl = TimeSpan.FromSeconds(seconds);
        return ttl >= WorkCounterLimits.MinTtl && ttl <= WorkCounterLimits.MaxTtl ? ttl : null;
    }

    private static bool IsLabel(string label) => label.Trim().Length is > 0 and <= WorkCounterLimits.MaxLabelLength && !HasControl(label);

    private static bool HasControl(string value) => value.Any(char.IsControl);

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    [GeneratedRegex("^[a-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
