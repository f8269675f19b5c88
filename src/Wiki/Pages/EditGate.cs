using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Storage;

namespace GatewayPortal.Wiki.Pages;

/// <summary>The checks every write makes before touching a page: edit access, protection and deletion.</summary>
internal sealed class EditGate(IWikiDbContext db, IWikiAccessPolicy policy)
{
    private readonly WikiAccessRulesLoader _rules = new(db);

    /// <summary>Null when <paramref name="actor"/> may write to <paramref name="page"/> (or create a page in <paramref name="spaceKey"/>), else the refusal.</summary>
    public async Task<WikiSaveResult?> CheckAsync(WikiPage? page, string spaceKey, WikiActor actor, CancellationToken cancellationToken)
    {
        var rules = await _rules.LoadAsync(page, spaceKey, cancellationToken).ConfigureAwait(false);
        return policy.CanEdit(actor, rules) switch
        {
            WikiEditDecision.Forbidden => new WikiSaveResult.Forbidden(),
            WikiEditDecision.Protected => new WikiSaveResult.Protected(),
            _ when page?.DeletedAt is not null => new WikiSaveResult.Deleted(),
            _ => null,
        };
    }
}
