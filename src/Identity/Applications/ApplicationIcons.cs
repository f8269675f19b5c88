namespace GatewayPortal.Identity.Applications;

/// <summary>The keys of the launcher's built-in icon set.</summary>
public static class ApplicationIcons
{
    /// <summary>Every icon key.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "people", "money", "document", "map", "car", "chart", "building", "calendar", "mail", "shield", "gear", "book",
    ];

    /// <summary>True when <paramref name="key"/> names a built-in icon.</summary>
    public static bool IsKnown(string? key) => All.Contains(key, StringComparer.Ordinal);
}
