namespace GatewayPortal.Identity.Mfa;

/// <summary>A one-time recovery code, kept only as a SHA-256 hash.</summary>
public sealed class MfaRecoveryCode
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The person's subject id.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>Hex SHA-256 of the normalised code.</summary>
    public string CodeHash { get; set; } = "";

    /// <summary>When it was used; null while unused.</summary>
    public DateTime? UsedUtc { get; set; }
}
