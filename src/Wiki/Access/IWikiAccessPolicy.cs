namespace GatewayPortal.Wiki.Access;

/// <summary>Decides read and edit access from a page's effective rules. Replace it to change the rules; the services ask it for every check.</summary>
public interface IWikiAccessPolicy
{
    /// <summary>True when <paramref name="actor"/> may read a page with <paramref name="rules"/>.</summary>
    bool CanRead(WikiActor actor, WikiAccessRules rules);

    /// <summary>Whether <paramref name="actor"/> may edit a page with <paramref name="rules"/>.</summary>
    WikiEditDecision CanEdit(WikiActor actor, WikiAccessRules rules);
}
