using System.Text.RegularExpressions;

namespace GatewayPortal.Identity.Applications;

/// <summary>Checks catalogue entries; each error names the entry (index and client id) and the field.</summary>
internal static partial class ApplicationCatalogValidator
{
    private const int MaxOwnerDepartmentLength = 100;
    private const int MaxOwnerContactLength = 200;
    private const int MaxGroupLength = 64;
    private const int MinSecretLength = 12;

    private static readonly string[] KnownGrantTypes = ["authorization_code", "refresh_token", "client_credentials"];

    public static IReadOnlyList<string> Validate(IReadOnlyList<ApplicationSeedEntry> entries)
    {
        var errors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            var label = string.IsNullOrEmpty(entry.ClientId) ? $"applications[{index}]" : $"applications[{index}] ({entry.ClientId})";
            void Fail(string field, string problem) => errors.Add($"{label} {field}: {problem}");

            if (!string.IsNullOrEmpty(entry.ClientId) && !seen.TryAdd(entry.ClientId, index))
            {
                Fail("clientId", $"duplicates applications[{seen[entry.ClientId]}].");
            }

            ValidateEntry(entry, Fail);
        }

        return errors;
    }

    private static void ValidateEntry(ApplicationSeedEntry entry, Action<string, string> fail)
    {
        if (entry.ClientId.Length is 0 or > PortalApplication.MaxClientIdLength || !ClientIdPattern().IsMatch(entry.ClientId))
        {
            fail("clientId", $"\"{entry.ClientId}\" must be 1-{PortalApplication.MaxClientIdLength} characters of a-z, 0-9 and inner hyphens.");
        }

        RequireText(entry.NameKo, "nameKo", ApplicationCatalogLimits.MaxNameLength, fail);
        RequireText(entry.NameEn, "nameEn", ApplicationCatalogLimits.MaxNameLength, fail);
        RequireText(entry.DescriptionKo, "descriptionKo", ApplicationCatalogLimits.MaxDescriptionLength, fail);
        RequireText(entry.DescriptionEn, "descriptionEn", ApplicationCatalogLimits.MaxDescriptionLength, fail);
        RequireText(entry.OwnerDepartment, "ownerDepartment", MaxOwnerDepartmentLength, fail);
        RequireText(entry.OwnerContact, "ownerContact", MaxOwnerContactLength, fail);

        if (ApplicationCategories.Find(entry.Category) is null)
        {
            fail("category", $"\"{entry.Category}\" is not one of {string.Join(", ", ApplicationCategories.All.Select(c => c.Code))}.");
        }

        if (!ApplicationIcons.IsKnown(entry.Icon))
        {
            fail("icon", $"\"{entry.Icon}\" is not one of {string.Join(", ", ApplicationIcons.All)}.");
        }

        var status = ApplicationCatalogNames.ParseStatus(entry.Status);
        if (status is null)
        {
            fail("status", $"\"{entry.Status}\" must be {ApplicationCatalogNames.Of(ApplicationStatus.Active)}, {ApplicationCatalogNames.Of(ApplicationStatus.Maintenance)} or {ApplicationCatalogNames.Of(ApplicationStatus.Retired)}.");
        }
        else if (status == ApplicationStatus.Maintenance)
        {
            RequireText(entry.MaintenanceMessageKo, "maintenanceMessageKo", ApplicationCatalogLimits.MaxDescriptionLength, fail);
            RequireText(entry.MaintenanceMessageEn, "maintenanceMessageEn", ApplicationCatalogLimits.MaxDescriptionLength, fail);
        }

        if (entry.IdTokenSignedResponseAlg is not null && !ApplicationTokenOptions.SigningAlgorithms.Contains(entry.IdTokenSignedResponseAlg, StringComparer.Ordinal))
        {
            fail("idTokenSignedResponseAlg", $"\"{entry.IdTokenSignedResponseAlg}\" must be {string.Join(" or ", ApplicationTokenOptions.SigningAlgorithms)}.");
        }

        var clientType = ApplicationCatalogNames.ParseClientType(entry.ClientType);
        if (clientType is null)
        {
            fail("clientType", $"\"{entry.ClientType}\" must be {ApplicationCatalogNames.Of(ApplicationClientType.Confidential)} or {ApplicationCatalogNames.Of(ApplicationClientType.Public)}.");
        }
        else if (clientType == ApplicationClientType.Public && entry.ClientSecret is not null)
        {
            fail("clientSecret", "a public client cannot have a secret.");
        }
        else if (entry.ClientSecret is { Length: < MinSecretLength })
        {
            fail("clientSecret", $"must be at least {MinSecretLength} characters.");
        }

        ValidateGrants(entry, clientType, fail);
        ValidateList(entry.AllowedGroups, "allowedGroups", fail, ValidateGroup);
        ValidateList(entry.Scopes, "scopes", fail, ValidateScope);
    }

    private static void ValidateGrants(ApplicationSeedEntry entry, ApplicationClientType? clientType, Action<string, string> fail)
    {
        if (entry.GrantTypes.Count == 0)
        {
            fail("grantTypes", "must name at least one grant type.");
        }

        ValidateList(entry.GrantTypes, "grantTypes", fail, grant =>
            KnownGrantTypes.Contains(grant, StringComparer.Ordinal) ? null : $"must be one of {string.Join(", ", KnownGrantTypes)}.");

        var interactive = entry.GrantTypes.Contains("authorization_code", StringComparer.Ordinal);
        if (entry.GrantTypes.Contains("refresh_token", StringComparer.Ordinal) && !interactive)
        {
            fail("grantTypes", "refresh_token needs authorization_code.");
        }

        if (entry.GrantTypes.Contains("client_credentials", StringComparer.Ordinal) && clientType == ApplicationClientType.Public)
        {
            fail("grantTypes", "client_credentials needs a confidential client.");
        }

        if (interactive)
        {
            RequireUri(entry.LaunchUrl, "launchUrl", fail);
            if (entry.RedirectUris.Count == 0)
            {
                fail("redirectUris", "the authorization code flow needs at least one redirect URI.");
            }
        }
        else
        {
            foreach (var (value, field) in new[] { (entry.LaunchUrl, "launchUrl"), (entry.BackChannelLogoutUri, "backChannelLogoutUri"), (entry.FrontChannelLogoutUri, "frontChannelLogoutUri") })
            {
                if (value is not null)
                {
                    fail(field, "only clients that use the authorization code flow have one.");
                }
            }

            if (entry.RedirectUris.Count > 0 || entry.PostLogoutRedirectUris.Count > 0)
            {
                fail("redirectUris", "only clients that use the authorization code flow have redirect URIs.");
            }
        }

        ValidateList(entry.RedirectUris, "redirectUris", fail, CheckUri);
        ValidateList(entry.PostLogoutRedirectUris, "postLogoutRedirectUris", fail, CheckUri);
        if (entry.BackChannelLogoutUri is not null)
        {
            RequireUri(entry.BackChannelLogoutUri, "backChannelLogoutUri", fail);
        }

        if (entry.FrontChannelLogoutUri is not null)
        {
            RequireUri(entry.FrontChannelLogoutUri, "frontChannelLogoutUri", fail);
        }
    }

    private static void RequireText(string? value, string field, int maxLength, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(field, "is required.");
        }
        else if (value.Length > maxLength)
        {
            fail(field, $"is longer than {maxLength} characters.");
        }
        else if (!string.Equals(value, value.Trim(), StringComparison.Ordinal))
        {
            fail(field, "has leading or trailing white space.");
        }
    }

    private static void RequireUri(string? value, string field, Action<string, string> fail)
    {
        if (value is null)
        {
            fail(field, "is required.");
        }
        else if (CheckUri(value) is { } problem)
        {
            fail(field, problem);
        }
    }

    private static void ValidateList(IReadOnlyList<string> values, string field, Action<string, string> fail, Func<string, string?> check)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < values.Count; i++)
        {
            if (!seen.Add(values[i]))
            {
                fail($"{field}[{i}]", $"\"{values[i]}\" is listed twice.");
            }
            else if (check(values[i]) is { } problem)
            {
                fail($"{field}[{i}]", $"\"{values[i]}\" {problem}");
            }
        }
    }

    private static string? CheckUri(string value)
    {
        if (value.Length > ApplicationCatalogLimits.MaxUriLength)
        {
            return $"is longer than {ApplicationCatalogLimits.MaxUriLength} characters.";
        }

        // On Unix "/path" parses as an absolute file: URI, so the scheme is checked too.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "must be an absolute http(s) URI without a fragment.";
        }

        var secure = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
        return secure ? null : "must use https (http only on loopback).";
    }

    private static string? ValidateGroup(string group) =>
        string.IsNullOrWhiteSpace(group) || group.Length > MaxGroupLength || !string.Equals(group, group.Trim(), StringComparison.Ordinal)
            ? $"must be a group common name of 1-{MaxGroupLength} characters without surrounding white space."
            : null;

    private static string? ValidateScope(string scope) =>
        string.Equals(scope, "openid", StringComparison.Ordinal) ? "is implied; do not list it."
        : ScopePattern().IsMatch(scope) ? null
        : "must be a lowercase scope name (a-z, 0-9, _ : . -).";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdPattern();

    [GeneratedRegex("^[a-z][a-z0-9_:.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ScopePattern();
}
