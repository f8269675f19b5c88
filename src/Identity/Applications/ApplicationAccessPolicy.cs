namespace GatewayPortal.Identity.Applications;

/// <summary>Decides who may use an application: by status, then by directory group.</summary>
public static class ApplicationAccessPolicy
{
    /// <summary>
    /// Evaluates access. <see cref="ApplicationAccessDecision.Retired"/> beats everything;
    /// <see cref="ApplicationAccessDecision.Maintenance"/> is only reported to people who would otherwise be allowed.
    /// Group names match case-insensitively (ordinal); no allowed groups means every signed-in person.
    /// </summary>
    /// <param name="application">The application.</param>
    /// <param name="userGroups">Every group (direct and nested) the person belongs to, by common name.</param>
    /// <param name="now">The time of the decision: a maintenance whose end has passed no longer counts.</param>
    public static ApplicationAccessDecision Evaluate(PortalApplication application, IReadOnlyCollection<string> userGroups, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(userGroups);

        if (application.Status == ApplicationStatus.Retired)
        {
            return ApplicationAccessDecision.Retired;
        }

        if (application.AllowedGroups.Count > 0
            && !application.AllowedGroups.Any(allowed => userGroups.Contains(allowed, StringComparer.OrdinalIgnoreCase)))
        {
            return ApplicationAccessDecision.NotInAllowedGroups;
        }

        return application.EffectiveStatus(now) == ApplicationStatus.Maintenance
            ? ApplicationAccessDecision.Maintenance
            : ApplicationAccessDecision.Allowed;
    }
}
