using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Directory;

/// <summary>Cross-field checks of <see cref="LdapOptions"/>; every message names the configuration key.</summary>
internal sealed partial class LdapOptionsValidator : IValidateOptions<LdapOptions>
{
    private const string Prefix = LdapOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, LdapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.Servers.Count == 0)
        {
            failures.Add(Prefix + "Servers must list at least one ldap:// or ldaps:// URL.");
        }

        for (var i = 0; i < options.Servers.Count; i++)
        {
            var key = $"{Prefix}Servers:{i}";
            if (!LdapServer.TryParse(options.Servers[i], out var server))
            {
                failures.Add($"{key} ('{options.Servers[i]}') must be an ldap:// or ldaps:// URL with a host, e.g. ldap://ldap1.example:389/.");
            }
            else if (server.IsLdaps && options.UseStartTls)
            {
                failures.Add($"{key} is ldaps:// but {Prefix}UseStartTls is true; use one or the other.");
            }
        }

        if (!string.IsNullOrEmpty(options.TrustedCertificatesDirectory) && !System.IO.Directory.Exists(options.TrustedCertificatesDirectory))
        {
            failures.Add($"{Prefix}TrustedCertificatesDirectory ('{options.TrustedCertificatesDirectory}') is not a folder; "
                + "it must hold the directory's CA certificates in PEM, hashed with `openssl rehash`.");
        }

        CheckDn(failures, "BaseDn", options.BaseDn, required: true);
        CheckDn(failures, "UserSearchBase", options.UserSearchBase, required: false);
        CheckDn(failures, "GroupSearchBase", options.GroupSearchBase, required: false);
        CheckDn(failures, "ServiceBindDn", options.ServiceBindDn, required: true);
        if (string.IsNullOrEmpty(options.ServiceBindPassword))
        {
            failures.Add(Prefix + "ServiceBindPassword is required.");
        }

        CheckPositive(failures, "ConnectTimeout", options.ConnectTimeout);
        CheckPositive(failures, "OperationTimeout", options.OperationTimeout);
        if (options.ServerRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}ServerRetryAfter must not be negative (got {options.ServerRetryAfter}).");
        }

        if (options.GroupCacheDuration < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}GroupCacheDuration must not be negative (got {options.GroupCacheDuration}).");
        }

        CheckDn(failures, "OrgChartSearchBase", options.OrgChartSearchBase, required: false);
        CheckFilter(failures, "OrgChartUnitFilter", options.OrgChartUnitFilter, required: true);
        CheckAttribute(failures, "OrgChartCodeAttribute", options.OrgChartCodeAttribute);
        CheckAttribute(failures, "OrgChartNameAttribute", options.OrgChartNameAttribute);
        CheckAttribute(failures, "OrgChartPhoneAttribute", options.OrgChartPhoneAttribute);
        CheckAttribute(failures, "PersonDepartmentAttribute", options.PersonDepartmentAttribute);
        CheckPositive(failures, "OrgChartRefreshInterval", options.OrgChartRefreshInterval);
        CheckPositive(failures, "OrgChartFirstLoadWait", options.OrgChartFirstLoadWait);
        CheckFilter(failures, "UserObjectFilter", options.UserObjectFilter, required: true);
        CheckFilter(failures, "DisabledAccountFilter", options.DisabledAccountFilter, required: false);
        for (var i = 0; i < options.LoginAttributes.Count; i++)
        {
            if (!AttributeName().IsMatch(options.LoginAttributes[i] ?? ""))
            {
                failures.Add($"{Prefix}LoginAttributes:{i} ('{options.LoginAttributes[i]}') is not an attribute name.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckDn(List<string> failures, string key, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                failures.Add($"{Prefix}{key} is required.");
            }
        }
        else if (!value.Contains('=', StringComparison.Ordinal))
        {
            failures.Add($"{Prefix}{key} ('{value}') is not a distinguished name such as dc=cityhall,dc=example.");
        }
    }

    private static void CheckAttribute(List<string> failures, string key, string? value)
    {
        if (!AttributeName().IsMatch(value ?? ""))
        {
            failures.Add($"{Prefix}{key} ('{value}') is not an attribute name such as description.");
        }
    }

    private static void CheckPositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}{key} must be positive (got {value}).");
        }
    }

    private static void CheckFilter(List<string> failures, string key, string? filter, bool required)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            if (required)
            {
                failures.Add($"{Prefix}{key} is required.");
            }

            return;
        }

        var depth = 0;
        var balanced = filter[0] == '(' && filter[^1] == ')';
        for (var i = 0; balanced && i < filter.Length; i++)
        {
            depth += filter[i] switch { '(' => 1, ')' => -1, _ => 0 };
            // The outer parentheses must enclose the whole filter.
            balanced = depth > 0 || i == filter.Length - 1;
        }

        if (!balanced || depth != 0)
        {
            failures.Add($"{Prefix}{key} ('{filter}') must be a parenthesised LDAP filter such as (objectClass=inetOrgPerson).");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex AttributeName();
}
