using GatewayPortal.Identity.Oidc.Keys;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Oidc;

/// <summary>The OIDC provider's own tables in the portal database (OpenIddict's are mapped by UseOpenIddict).</summary>
public interface IOidcDbContext
{
    /// <summary>Signing and encryption keys.</summary>
    DbSet<OidcKey> OidcKeys { get; }

    /// <summary>Which applications each session signed into.</summary>
    DbSet<OidcSessionApplication> OidcSessionApplications { get; }

    /// <summary>Saves pending changes.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
