namespace GatewayPortal.Identity.Mfa;

/// <summary>A person's TOTP authenticator. The secret is kept protected by ASP.NET Data Protection.</summary>
public sealed class MfaEnrollment
{
    /// <summary>The person's subject id.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The Base32 secret, protected.</summary>
    public string ProtectedSecret { get; set; } = "";

    /// <summary>When enrolment started.</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>When the first code was verified; null while enrolment is pending.</summary>
    public DateTime? ConfirmedUtc { get; set; }

    /// <summary>The last TOTP time step accepted, so a code cannot be used twice.</summary>
    public long LastUsedTimeStep { get; set; }

    /// <summary>Optimistic concurrency stamp: two requests cannot both use the same step.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString();
}
