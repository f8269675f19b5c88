using Microsoft.Extensions.Options;

namespace GatewayPortal.Samples.LineOfBusiness.Configuration;

/// <summary>Fails startup with a clear message when the <c>Oidc</c> section cannot work.</summary>
public sealed class OidcClientOptionsValidator : IValidateOptions<OidcClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];

        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttp && authority.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment))
        {
            failures.Add($"{OidcClientOptions.SectionName}:Authority must be an absolute http(s) URL without query or fragment (was '{options.Authority}').");
        }
        else if (authority.Scheme == Uri.UriSchemeHttp && options.EffectiveRequireHttpsMetadata)
        {
            failures.Add($"{OidcClientOptions.SectionName}:Authority uses http but {OidcClientOptions.SectionName}:RequireHttpsMetadata is true; use https, or set it to false for a test setup only.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{OidcClientOptions.SectionName}:ClientId is required.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add($"{OidcClientOptions.SectionName}:ClientSecret is required.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
