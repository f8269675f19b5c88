using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>Maps between registry rows, OpenIddict clients and catalogue entries (the admin pages' and files' shape).</summary>
internal static class ApplicationEntryMapper
{
    public static ApplicationSeedEntry ToEntry(PortalApplication app, IEnumerable<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(app);
        var granted = permissions.ToList();
        return new ApplicationSeedEntry
        {
            ClientId = app.ClientId,
            NameKo = app.NameKo,
            NameEn = app.NameEn,
            DescriptionKo = app.DescriptionKo,
            DescriptionEn = app.DescriptionEn,
            Category = app.Category,
            Icon = app.Icon,
            LaunchUrl = app.LaunchUrl,
            RedirectUris = [.. app.RedirectUris],
            PostLogoutRedirectUris = [.. app.PostLogoutRedirectUris],
            BackChannelLogoutUri = app.BackChannelLogoutUri,
            FrontChannelLogoutUri = app.FrontChannelLogoutUri,
            AllowedGroups = [.. app.AllowedGroups],
            OwnerDepartment = app.OwnerDepartment,
            OwnerContact = app.OwnerContact,
            Status = ApplicationCatalogNames.Of(app.Status),
            MaintenanceMessageKo = app.MaintenanceMessageKo,
            MaintenanceMessageEn = app.MaintenanceMessageEn,
            MaintenanceEndsUtc = app.MaintenanceEndsUtc is { } ends ? new DateTimeOffset(DateTime.SpecifyKind(ends, DateTimeKind.Utc)) : null,
            ClientType = ApplicationCatalogNames.Of(app.ClientType),
            IdTokenSignedResponseAlg = app.IdTokenSignedResponseAlg,
            EncryptAccessTokens = app.EncryptAccessTokens,
            GrantTypes = [.. WithPrefix(granted, Permissions.Prefixes.GrantType)],
            Scopes = [.. WithPrefix(granted, Permissions.Prefixes.Scope)],
        };
    }

    /// <summary>Copies a validated entry onto an existing row, keeping its id and creation time.</summary>
    public static void Apply(PortalApplication row, ApplicationSeedEntry entry, DateTime nowUtc)
    {
        var mapped = ApplicationSeedMapper.ToEntity(entry, nowUtc);
        row.NameKo = mapped.NameKo;
        row.NameEn = mapped.NameEn;
        row.DescriptionKo = mapped.DescriptionKo;
        row.DescriptionEn = mapped.DescriptionEn;
        row.Category = mapped.Category;
        row.Icon = mapped.Icon;
        row.LaunchUrl = mapped.LaunchUrl;
        row.RedirectUris = mapped.RedirectUris;
        row.PostLogoutRedirectUris = mapped.PostLogoutRedirectUris;
        row.BackChannelLogoutUri = mapped.BackChannelLogoutUri;
        row.FrontChannelLogoutUri = mapped.FrontChannelLogoutUri;
        row.AllowedGroups = mapped.AllowedGroups;
        row.OwnerDepartment = mapped.OwnerDepartment;
        row.OwnerContact = mapped.OwnerContact;
        row.Status = mapped.Status;
        row.MaintenanceMessageKo = mapped.Status == ApplicationStatus.Maintenance ? mapped.MaintenanceMessageKo : null;
        row.MaintenanceMessageEn = mapped.Status == ApplicationStatus.Maintenance ? mapped.MaintenanceMessageEn : null;
        row.MaintenanceEndsUtc = mapped.Status == ApplicationStatus.Maintenance ? mapped.MaintenanceEndsUtc : null;
        row.ClientType = mapped.ClientType;
        // An entry that does not state the token options (a file from before them) leaves them as they are.
        row.IdTokenSignedResponseAlg = entry.IdTokenSignedResponseAlg ?? row.IdTokenSignedResponseAlg;
        row.EncryptAccessTokens = entry.EncryptAccessTokens ?? row.EncryptAccessTokens;
        row.UpdatedUtc = nowUtc;
    }

    /// <summary>
    /// Overwrites what the seed mapper owns (names, type, URIs, permissions, requirements) on the client's current
    /// descriptor; the hashed secret and anything else OpenIddict keeps stay as they are.
    /// </summary>
    public static void Apply(OpenIddictApplicationDescriptor current, ApplicationSeedEntry entry)
    {
        var mapped = ApplicationSeedMapper.ToDescriptor(entry);
        current.ClientType = mapped.ClientType;
        current.ConsentType = mapped.ConsentType;
        current.DisplayName = mapped.DisplayName;
        Replace(current.DisplayNames, mapped.DisplayNames);
        Replace(current.RedirectUris, mapped.RedirectUris);
        Replace(current.PostLogoutRedirectUris, mapped.PostLogoutRedirectUris);
        Replace(current.Permissions, mapped.Permissions);
        Replace(current.Requirements, mapped.Requirements);
    }

    private static IEnumerable<string> WithPrefix(IEnumerable<string> permissions, string prefix) =>
        permissions.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p[prefix.Length..]);

    private static void Replace<T>(ICollection<T> target, IEnumerable<T> source)
    {
        target.Clear();
        foreach (var item in source)
        {
            target.Add(item);
        }
    }
}
