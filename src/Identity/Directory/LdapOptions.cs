using System.ComponentModel.DataAnnotations;

namespace GatewayPortal.Identity.Directory;

/// <summary>Settings of the LDAP directory (configuration section <c>Directory</c>).</summary>
public sealed class LdapOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Directory";

    /// <summary>Directory servers in order of preference: <c>ldap://host:389/</c> or <c>ldaps://host:636/</c>.</summary>
    [MinLength(1, ErrorMessage = "Directory:Servers must list at least one ldap:// or ldaps:// URL.")]
    public IList<string> Servers { get; set; } = [];

    /// <summary>The directory's base DN, e.g. <c>dc=cityhall,dc=example</c>.</summary>
    [Required(ErrorMessage = "Directory:BaseDn is required.")]
    public string BaseDn { get; set; } = "";

    /// <summary>Where people are searched (subtree); empty means <see cref="BaseDn"/>.</summary>
    public string? UserSearchBase { get; set; }

    /// <summary>Where groups live; empty means <see cref="BaseDn"/>.</summary>
    public string? GroupSearchBase { get; set; }

    /// <summary>The DN of the service account used for searches.</summary>
    [Required(ErrorMessage = "Directory:ServiceBindDn is required.")]
    public string ServiceBindDn { get; set; } = "";

    /// <summary>The service account's password (keep it in a secret store).</summary>
    [Required(ErrorMessage = "Directory:ServiceBindPassword is required.")]
    public string ServiceBindPassword { get; set; } = "";

    /// <summary>Upgrades ldap:// connections with StartTLS.</summary>
    public bool UseStartTls { get; set; }

    /// <summary>A folder of trusted CA certificates for LDAPS/StartTLS (Linux); null uses the system store.</summary>
    public string? TrustedCertificatesDirectory { get; set; }

    /// <summary>How long a TCP connect to one server may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long one bind or search may take.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Connections per pool (one pool for searches, one for user binds).</summary>
    [Range(1, 1024, ErrorMessage = "Directory:PoolSize must be between 1 and 1024.")]
    public int PoolSize { get; set; } = 16;

    /// <summary>How long a failed server is skipped before it is tried again.</summary>
    public TimeSpan ServerRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attributes a login may match; empty means <c>uid</c>, <c>mail</c>, <c>employeeNumber</c>.</summary>
    public IList<string> LoginAttributes { get; set; } = [];

    /// <summary>The filter every person matches.</summary>
    public string UserObjectFilter { get; set; } = "(objectClass=inetOrgPerson)";

    /// <summary>The filter disabled people match; empty disables the check.</summary>
    public string? DisabledAccountFilter { get; set; } = "(|(employeeType=휴직)(employeeType=퇴직))";

    /// <summary>
    /// Evaluates <see cref="DisabledAccountFilter"/> on the attributes read with the person, saving one LDAP search per
    /// sign-in, when it only uses <c>&amp;</c>, <c>|</c>, <c>!</c>, presence and equality on directory-string attributes
    /// (such as employeeType); any other filter is still evaluated by the server. The service account needs read access
    /// (not only search access) to the attributes the filter names. Set to false to always ask the server.
    /// </summary>
    public bool EvaluateDisabledAccountFilterLocally { get; set; } = true;

    /// <summary>How many levels of nested groups are followed.</summary>
    [Range(0, 64, ErrorMessage = "Directory:MaxGroupNestingDepth must be between 0 and 64.")]
    public int MaxGroupNestingDepth { get; set; } = 8;

    /// <summary>Longer logins are refused without asking the directory.</summary>
    [Range(1, 4096, ErrorMessage = "Directory:MaxLoginLength must be between 1 and 4096.")]
    public int MaxLoginLength { get; set; } = 256;

    /// <summary>How long group entries are cached in memory.</summary>
    public TimeSpan GroupCacheDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The root of the organisation's <c>organizationalUnit</c> tree (departments and teams) the org chart reads;
    /// empty means <c>ou=organization,</c> + <see cref="BaseDn"/>. When it holds no units, the chart is built from the
    /// people's <c>ou</c> path strings instead.
    /// </summary>
    public string? OrgChartSearchBase { get; set; }

    /// <summary>The filter every department entry of the tree matches.</summary>
    public string OrgChartUnitFilter { get; set; } = "(objectClass=organizationalUnit)";

    /// <summary>The attribute holding a department's stable code (its RDN value in OrgGen's tree).</summary>
    public string OrgChartCodeAttribute { get; set; } = "ou";

    /// <summary>The attribute holding a department's display name.</summary>
    public string OrgChartNameAttribute { get; set; } = "description";

    /// <summary>The attribute holding a department's telephone number.</summary>
    public string OrgChartPhoneAttribute { get; set; } = "telephoneNumber";

    /// <summary>The person's attribute naming their department's code.</summary>
    public string PersonDepartmentAttribute { get; set; } = "departmentNumber";

    /// <summary>How often the org chart is read again from the directory in the background.</summary>
    public TimeSpan OrgChartRefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a request waits for the first reading of the org chart before it shows a "loading" message.</summary>
    public TimeSpan OrgChartFirstLoadWait { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The default login attributes.</summary>
    public static IReadOnlyList<string> DefaultLoginAttributes { get; } = ["uid", "mail", "employeeNumber"];

    internal IReadOnlyList<string> EffectiveLoginAttributes => LoginAttributes.Count > 0 ? [.. LoginAttributes] : DefaultLoginAttributes;

    internal string EffectiveUserSearchBase => string.IsNullOrWhiteSpace(UserSearchBase) ? BaseDn : UserSearchBase;

    internal string EffectiveOrgChartSearchBase => string.IsNullOrWhiteSpace(OrgChartSearchBase) ? "ou=organization," + BaseDn : OrgChartSearchBase;

    internal string EffectiveGroupSearchBase => string.IsNullOrWhiteSpace(GroupSearchBase) ? BaseDn : GroupSearchBase;
}
