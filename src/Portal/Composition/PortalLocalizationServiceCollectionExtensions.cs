using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GatewayPortal.Portal.Localization;
using Microsoft.AspNetCore.Localization;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Korean first, English on request.</summary>
public static class PortalLocalizationServiceCollectionExtensions
{
    /// <summary>Adds resource-based localization; the culture comes from the query (?culture=en) or the culture cookie, else Korean.</summary>
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");

        // Emit Hangul as text, not as &#xXXXX; entities: a third of the page size and readable source.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = PortalCultures.Supported.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(PortalCultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;

            // Korean is the default for everyone; the browser's language does not switch it.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }
}
