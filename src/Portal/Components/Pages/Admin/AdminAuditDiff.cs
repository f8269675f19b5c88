using GatewayPortal.Identity.Audit;

namespace GatewayPortal.Portal.Components.Pages.Admin;

/// <summary>One field of a change: its value before and after.</summary>
public sealed record AdminAuditDiffRow(string Field, string Before, string After)
{
    /// <summary>True when the value differs.</summary>
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>Field-by-field comparison of a change's stored before and after states.</summary>
public static class AdminAuditDiff
{
    /// <summary>Every top-level field of either state, in the order they first appear; a missing side is empty.</summary>
    public static IReadOnlyList<AdminAuditDiffRow> Of(string? beforeJson, string? afterJson)
    {
        var beforeFields = AdminAuditJson.Fields(beforeJson);
        var afterFields = AdminAuditJson.Fields(afterJson);
        var before = beforeFields.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var after = afterFields.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return [.. beforeFields.Select(p => p.Key).Concat(afterFields.Select(p => p.Key)).Distinct(StringComparer.Ordinal)
            .Select(f => new AdminAuditDiffRow(f, before.GetValueOrDefault(f, ""), after.GetValueOrDefault(f, "")))];
    }
}
