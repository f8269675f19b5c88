using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Audit;

/// <summary>How long the audit records are kept (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Audit";

    /// <summary>Shortest retention accepted: Korean rules for access records ask for at least one year.</summary>
    public const int MinimumRetentionDays = 365;

    /// <summary>Longest retention accepted (100 years).</summary>
    public const int MaximumRetentionDays = 36_500;

    /// <summary>Days the sign-in audit and the admin audit trail are kept before the purge job deletes them (default 730, two years).</summary>
    public int RetentionDays { get; set; } = 730;

    /// <summary>Rows deleted per statement by the purge job.</summary>
    public int PurgeBatchSize { get; set; } = 5000;
}

/// <summary>Checks <see cref="AuditOptions"/> at start, naming the key.</summary>
public sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.RetentionDays is < AuditOptions.MinimumRetentionDays or > AuditOptions.MaximumRetentionDays)
        {
            failures.Add($"Audit:RetentionDays is {options.RetentionDays}; it must be between {AuditOptions.MinimumRetentionDays} and "
                + $"{AuditOptions.MaximumRetentionDays} days (access records are kept at least one year; the default is 730).");
        }

        if (options.PurgeBatchSize is < 1 or > 100_000)
        {
            failures.Add($"Audit:PurgeBatchSize is {options.PurgeBatchSize}; it must be between 1 and 100000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
