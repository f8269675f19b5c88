using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Footer;

/// <summary>Refuses to start with a footer link that is neither http(s) nor a local path, or a phone that is not a number.</summary>
public sealed class PortalFooterOptionsValidator : IValidateOptions<PortalFooterOptions>
{
    /// <summary>Longest text accepted for a name, hours or copyright line.</summary>
    public const int MaxTextLength = 200;

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, PortalFooterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckUrl(failures, nameof(options.PrivacyPolicyUrl), options.PrivacyPolicyUrl);
        CheckUrl(failures, nameof(options.AccessibilityUrl), options.AccessibilityUrl);
        var phone = options.HelpDesk.Phone;
        if (!string.IsNullOrEmpty(phone) && (phone.Length > 40 || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')')))
        {
            failures.Add($"{PortalFooterOptions.SectionName}:HelpDesk:Phone '{phone}' is not a phone number (digits, spaces, + - ( ) only).");
        }

        var texts = new (string Key, string? Value)[]
        {
            ("HelpDesk:NameKo", options.HelpDesk.NameKo), ("HelpDesk:NameEn", options.HelpDesk.NameEn),
            ("HelpDesk:HoursKo", options.HelpDesk.HoursKo), ("HelpDesk:HoursEn", options.HelpDesk.HoursEn),
            ("CopyrightKo", options.CopyrightKo), ("CopyrightEn", options.CopyrightEn),
        };
        failures.AddRange(texts.Where(t => t.Value is { Length: > MaxTextLength })
            .Select(t => $"{PortalFooterOptions.SectionName}:{t.Key} is longer than {MaxTextLength} characters."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string key, string? url)
    {
        if (!string.IsNullOrEmpty(url) && !PortalFooterOptions.IsAllowedUrl(url))
        {
            failures.Add($"{PortalFooterOptions.SectionName}:{key} '{url}' must be an absolute http(s) URL or a local path starting with '/'.");
        }
    }
}
