namespace GatewayPortal.Identity.Directory;

/// <summary>
/// The organisation's directory (OpenLDAP or Active Directory) as the portal sees it:
/// verifies passwords and reads people and their groups.
/// </summary>
public interface IDirectoryService
{
    /// <summary>
    /// Finds the person by uid, mail or employee number and verifies the password by a simple
    /// bind as that person's DN. Never throws for a wrong password, an unknown login or a disabled
    /// account: those are results. Throws <see cref="DirectoryUnavailableException"/> when no
    /// configured directory server answers.
    /// </summary>
    Task<DirectoryAuthenticationResult> AuthenticateAsync(string login, string password, CancellationToken cancellationToken = default);

    /// <summary>Finds an enabled or disabled person by uid, mail or employee number; null when none matches.</summary>
    Task<DirectoryUser?> FindUserAsync(string login, CancellationToken cancellationToken = default);

    /// <summary>Finds a person by the stable subject id (the entry's <c>entryUUID</c>); null when none matches.</summary>
    Task<DirectoryUser?> FindUserBySubjectAsync(string subjectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every enabled person with contact details (the staff directory), read with a paged search on one connection.
    /// A batch operation: it may take seconds on a large directory. Throws <see cref="DirectoryUnavailableException"/>
    /// when no server answers.
    /// </summary>
    Task<IReadOnlyList<DirectoryPerson>> ListPeopleAsync(CancellationToken cancellationToken = default);

    /// <summary>Reports whether a directory server answers a service-bound search, and which one.</summary>
    Task<DirectoryHealth> CheckHealthAsync(CancellationToken cancellationToken = default);
}
