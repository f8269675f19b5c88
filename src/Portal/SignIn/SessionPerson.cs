namespace GatewayPortal.Portal.SignIn;

/// <summary>The signed-in person as the session's claims describe them, read once for the libraries' own views of a person.</summary>
/// <param name="Subject">The stable subject id.</param>
/// <param name="Name">The display name (the login name or subject when the session has none).</param>
/// <param name="Department">The department, if the directory has one.</param>
/// <param name="Groups">The directory groups, without duplicates.</param>
/// <param name="IsAdministrator">True when the portal's administrator policy admits the person.</param>
public sealed record SessionPerson(string Subject, string Name, string? Department, IReadOnlyCollection<string> Groups, bool IsAdministrator);
