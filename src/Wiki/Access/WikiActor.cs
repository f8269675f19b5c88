namespace GatewayPortal.Wiki.Access;

/// <summary>The signed-in person acting on the wiki, as the host maps it from its claims.</summary>
/// <param name="Subject">The stable subject id (author and draft owner).</param>
/// <param name="DisplayName">The name shown in history.</param>
/// <param name="Groups">The directory groups the person belongs to.</param>
/// <param name="IsAdmin">Wiki administrators may delete, restore, protect and edit protected pages.</param>
public sealed record WikiActor(string Subject, string DisplayName, IReadOnlyCollection<string> Groups, bool IsAdmin = false);
