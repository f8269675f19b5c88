namespace GatewayPortal.Identity.Applications;

/// <summary>The launcher's search: initial consonants on names, else a substring of names and descriptions.</summary>
internal static class LauncherFilter
{
    public static bool Matches(PortalApplication application, string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return true;
        }

        var query = filter.Trim();
        if (HangulInitials.IsInitialsQuery(query))
        {
            return HangulInitials.Matches(application.NameKo, query);
        }

        return application.NameKo.Contains(query, StringComparison.OrdinalIgnoreCase)
            || application.NameEn.Contains(query, StringComparison.OrdinalIgnoreCase)
            || application.DescriptionKo.Contains(query, StringComparison.OrdinalIgnoreCase)
            || application.DescriptionEn.Contains(query, StringComparison.OrdinalIgnoreCase);
    }
}
