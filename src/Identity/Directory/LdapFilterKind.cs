namespace GatewayPortal.Identity.Directory;

/// <summary>The node types of a locally evaluable <see cref="LdapFilter"/>.</summary>
internal enum LdapFilterKind
{
    /// <summary><c>(&amp;(…)(…))</c>: every operand matches.</summary>
    And,

    /// <summary><c>(|(…)(…))</c>: at least one operand matches.</summary>
    Or,

    /// <summary><c>(!(…))</c>: the operand does not match.</summary>
    Not,

    /// <summary><c>(attr=value)</c>: some value of the attribute equals the assertion value.</summary>
    Equality,

    /// <summary><c>(attr=*)</c>: the attribute has a value.</summary>
    Present,
}
