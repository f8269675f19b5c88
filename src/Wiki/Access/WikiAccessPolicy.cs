namespace GatewayPortal.Wiki.Access;

/// <summary>
/// The default policy: everyone reads and edits; a non-empty group list restricts to members (group names compare
/// case-insensitively, as directory groups do); editing needs read access; protected pages are for administrators,
/// who pass every check.
/// </summary>
public sealed class WikiAccessPolicy : IWikiAccessPolicy
{
    /// <inheritdoc/>
    public bool CanRead(WikiActor actor, WikiAccessRules rules)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(rules);
        return actor.IsAdmin || IsMember(actor, rules.ReadGroups);
    }

    /// <inheritdoc/>
    public WikiEditDecision CanEdit(WikiActor actor, WikiAccessRules rules)
    {
        if (!CanRead(actor, rules) || !(actor.IsAdmin || IsMember(actor, rules.EditGroups)))
        {
            return WikiEditDecision.Forbidden;
        }

        return rules.IsProtected && !actor.IsAdmin ? WikiEditDecision.Protected : WikiEditDecision.Allowed;
    }

    private static bool IsMember(WikiActor actor, IReadOnlyCollection<string> groups) =>
        groups.Count == 0 || groups.Any(g => actor.Groups.Contains(g, StringComparer.OrdinalIgnoreCase));
}
