namespace GatewayPortal.Identity.Oidc.Keys;

/// <summary>One OIDC key's schedule as the operator sees it (no key material).</summary>
/// <param name="Id">The key id (kid).</param>
/// <param name="Use">"sig" or "enc".</param>
/// <param name="Algorithm">The algorithm it is used with: ES256 or RS256 (signing), A256KW or, for keys of earlier versions, RSA-OAEP (encryption).</param>
/// <param name="CreatedUtc">When it was generated.</param>
/// <param name="ActivatesUtc">When it starts (started) signing or encrypting.</param>
/// <param name="RetiresUtc">When it stops (stopped) signing or encrypting.</param>
/// <param name="ExpiresUtc">When it leaves the published key set (tokens it signed stop validating).</param>
/// <param name="Status"><c>active</c>, <c>upcoming</c>, <c>retained</c> (retired, still validating) or <c>retired</c>.</param>
public sealed record OidcKeyInfo(string Id, string Use, string Algorithm, DateTime CreatedUtc, DateTime ActivatesUtc, DateTime RetiresUtc, DateTime ExpiresUtc, string Status)
{
    /// <summary>The status of a key with this schedule at <paramref name="now"/>.</summary>
    public static string StatusAt(DateTime activates, DateTime retires, DateTime expires, DateTime now) =>
        expires <= now ? "retired" : retires <= now ? "retained" : activates > now ? "upcoming" : "active";
}

/// <summary>What <see cref="OidcKeyRing.RetireAsync"/> did.</summary>
public enum OidcKeyRetirement
{
    /// <summary>The key left the key set.</summary>
    Retired,

    /// <summary>No key has that id; nothing changed.</summary>
    NotFound,

    /// <summary>The key had already left the key set; nothing changed.</summary>
    AlreadyRetired,

    /// <summary>The key is the one in use for its purpose and no replacement was asked for; nothing changed.</summary>
    InUse,
}
