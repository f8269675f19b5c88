using System.DirectoryServices.Protocols;

namespace GatewayPortal.Identity.Directory;

/// <summary>
/// <see cref="LdapOptions.DisabledAccountFilter"/>, parsed once: evaluated on the attributes read with the person when
/// <see cref="LdapFilter"/> can, otherwise left to a base search on the server.
/// </summary>
internal sealed class DisabledAccountFilter
{
    public DisabledAccountFilter(LdapOptions options, IReadOnlyList<string> userAttributes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(userAttributes);
        Filter = string.IsNullOrWhiteSpace(options.DisabledAccountFilter) ? null : options.DisabledAccountFilter;
        Local = Filter is not null && options.EvaluateDisabledAccountFilterLocally ? LdapFilter.TryParse(Filter) : null;
        var extra = Local?.Attributes.Where(a => !userAttributes.Contains(a, StringComparer.OrdinalIgnoreCase)) ?? [];
        SearchAttributes = [.. userAttributes, .. extra];
    }

    /// <summary>The configured filter; null when there is no disabled check.</summary>
    public string? Filter { get; }

    /// <summary>The parsed filter when it is evaluated locally; null when the server evaluates it.</summary>
    public LdapFilter? Local { get; }

    /// <summary>The attributes to request for a person: theirs plus those the local filter reads.</summary>
    public string[] SearchAttributes { get; }

    /// <summary>Evaluates the local filter on <paramref name="entry"/>; false when the server has to (no local filter, undecodable values).</summary>
    public bool TryEvaluate(SearchResultEntry entry, out bool disabled)
    {
        ArgumentNullException.ThrowIfNull(entry);
        disabled = false;
        if (Local is null)
        {
            return false;
        }

        var values = new Dictionary<string, IReadOnlyList<string>>(Local.Attributes.Count, StringComparer.OrdinalIgnoreCase);
        foreach (string name in entry.Attributes.AttributeNames)
        {
            if (!Contains(Local.Attributes, name))
            {
                continue;
            }

            try
            {
                var raw = entry.Attributes[name].GetValues(typeof(string));
                values[name] = raw as string[] ?? [.. raw.Cast<string>()];
            }
            catch (ArgumentException)
            {
                // Not UTF-8 (binary): the server knows how to compare it.
                return false;
            }
        }

        disabled = Local.Matches(values);
        return true;
    }

    private static bool Contains(IReadOnlyList<string> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (string.Equals(attribute, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
