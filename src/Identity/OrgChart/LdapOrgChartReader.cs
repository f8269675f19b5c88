using System.Diagnostics;
using System.DirectoryServices.Protocols;
using GatewayPortal.Identity.Directory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.OrgChart;

/// <summary>Reads the org chart from LDAP: the ou tree and every enabled person, each with a paged search on one connection.</summary>
internal sealed class LdapOrgChartReader(
    LdapConnectionPools pools, IOptions<LdapOptions> options, TimeProvider time, ILogger<LdapOrgChartReader> logger)
    : IOrgChartReader
{
    private const int PageSize = 500;

    // A whole reading is a batch job: each page within the operation timeout, the reading within this.
    private static readonly TimeSpan ReadingDeadline = TimeSpan.FromMinutes(10);

    private readonly LdapOptions _options = options.Value;

    /// <inheritdoc/>
    public async Task<OrgChartSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var units = await pools.Search.ExecuteAsync(c => ReadUnits(c, cancellationToken), cancellationToken, ReadingDeadline).ConfigureAwait(false);
        logger.LogInformation("Org chart: read {Count} departments from {Base} in {Elapsed} ms", units.Count, _options.EffectiveOrgChartSearchBase, stopwatch.ElapsedMilliseconds);
        var people = await pools.Search.ExecuteAsync(c => ReadPeople(c, cancellationToken), cancellationToken, ReadingDeadline).ConfigureAwait(false);
        logger.LogInformation("Org chart: read {Count} people in {Elapsed} ms", people.Count, stopwatch.ElapsedMilliseconds);
        if (units.Count == 0)
        {
            logger.LogWarning("Org chart: no organizationalUnit entries under {Base}; building departments from the people's ou paths", _options.EffectiveOrgChartSearchBase);
        }

        return OrgChartBuilder.Build(units, people, time.GetUtcNow());
    }

    private List<OrgUnitEntry> ReadUnits(PooledLdapConnection connection, CancellationToken cancellationToken)
    {
        var searchBase = _options.EffectiveOrgChartSearchBase;
        var units = new List<OrgUnitEntry>();
        try
        {
            PagedSearch(connection, searchBase, _options.OrgChartUnitFilter,
                [_options.OrgChartCodeAttribute, _options.OrgChartNameAttribute, _options.OrgChartPhoneAttribute], cancellationToken, entry =>
                {
                    var parent = ParentDn(entry.DistinguishedName);
                    // The base entry itself is the tree's root folder, not a department.
                    if (parent is null || IsSameDn(entry.DistinguishedName, searchBase))
                    {
                        return;
                    }

                    var code = CodeOf(entry);
                    if (code is null)
                    {
                        return;
                    }

                    var name = LdapEntries.First(entry, _options.OrgChartNameAttribute) ?? code;
                    units.Add(new OrgUnitEntry(entry.DistinguishedName, parent, code, name, LdapEntries.First(entry, _options.OrgChartPhoneAttribute)));
                });
        }
        catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.NoSuchObject)
        {
            return [];
        }

        return units;
    }

    // The code is the RDN's value when the RDN uses the code attribute (ou=hq-01 with ou: hq-01 and ou: 기획조정실), else the first value.
    private string? CodeOf(SearchResultEntry entry)
    {
        var values = LdapEntries.All(entry, _options.OrgChartCodeAttribute);
        var rdn = entry.DistinguishedName.AsSpan();
        var comma = FirstUnescapedComma(entry.DistinguishedName);
        rdn = comma < 0 ? rdn : rdn[..comma];
        var prefix = _options.OrgChartCodeAttribute + "=";
        if (rdn.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            var value = rdn[prefix.Length..].ToString();
            var match = values.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }
        }

        return values.Count > 0 ? values[0] : null;
    }

    private List<OrgPerson> ReadPeople(PooledLdapConnection connection, CancellationToken cancellationToken)
    {
        // Disabled people stay out, as in the staff directory.
        var filter = string.IsNullOrWhiteSpace(_options.DisabledAccountFilter) ? _options.UserObjectFilter : "(&" + _options.UserObjectFilter + "(!" + _options.DisabledAccountFilter + "))";
        var people = new List<OrgPerson>();
        string[] attributes = ["entryUUID", "uid", "cn", "displayName", "mail", "ou", "title", "businessCategory", "telephoneNumber", _options.PersonDepartmentAttribute];
        PagedSearch(connection, _options.EffectiveUserSearchBase, filter, attributes, cancellationToken, entry =>
        {
            if (LdapEntries.First(entry, "entryUUID") is not { } subject || LdapEntries.First(entry, "uid") is not { } username)
            {
                return;
            }

            people.Add(new OrgPerson(
                subject,
                username,
                LdapEntries.First(entry, "displayName") ?? LdapEntries.First(entry, "cn") ?? username,
                LdapEntries.First(entry, "mail"),
                LdapEntries.First(entry, "telephoneNumber"),
                LdapEntries.First(entry, "title"),
                LdapEntries.First(entry, "businessCategory"),
                LdapEntries.First(entry, "ou"),
                LdapEntries.First(entry, _options.PersonDepartmentAttribute)));
        });
        return people;
    }

    private void PagedSearch(
        PooledLdapConnection connection, string searchBase, string filter, string[] attributes, CancellationToken cancellationToken, Action<SearchResultEntry> read)
    {
        var paging = new PageResultRequestControl(PageSize);
        var request = new SearchRequest(searchBase, filter, SearchScope.Subtree, attributes) { TimeLimit = _options.OperationTimeout };
        request.Controls.Add(paging);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var response = (SearchResponse)connection.Connection.SendRequest(request, _options.OperationTimeout);
            foreach (SearchResultEntry entry in response.Entries)
            {
                read(entry);
            }

            var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
            if (cookie is not { Length: > 0 })
            {
                return;
            }

            paging.Cookie = cookie;
        }
    }

    internal static string? ParentDn(string dn)
    {
        var comma = FirstUnescapedComma(dn);
        return comma < 0 ? null : dn[(comma + 1)..].TrimStart();
    }

    private static int FirstUnescapedComma(string dn)
    {
        for (var i = 0; i < dn.Length; i++)
        {
            if (dn[i] == '\\')
            {
                i++;
            }
            else if (dn[i] == ',')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsSameDn(string a, string b) =>
        string.Equals(a.Replace(", ", ",", StringComparison.Ordinal), b.Replace(", ", ",", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
}
