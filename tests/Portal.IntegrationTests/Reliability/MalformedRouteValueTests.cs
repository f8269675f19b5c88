using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Security;
using GatewayPortal.Portal.IntegrationTests.Wiki;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.Reliability;

/// <summary>
/// Issue #13 (4): every route in the running portal's route table, with every route parameter, every query parameter a
/// page declares (<c>[SupplyParameterFromQuery]</c>, by reflection), every parameter of a minimal-API handler and every
/// query or form value the sources read by name, is sent malformed values (not a number, huge, negative, empty,
/// overlong, invalid UTF-8 escapes, control characters, <c>..</c>) by a signed-in staff member and by an administrator.
/// None may answer 5xx.
/// </summary>
public sealed partial class MalformedRouteValueTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    /// <summary>Raw (already escaped) values put into the URL or the form body as they are.</summary>
    public static readonly string[] MalformedValues =
    [
        "abc", "99999999999999999999999", "-1", "-9223372036854775809", "", new string('a', 4000), "%C3%28", "%FF", "%00", "%0D%0Ax",
        "%01%1B", "..", "..%2F..%2Fetc", "%2E%2E", "1e400", "NaN", "0x1F", "%20", "%E2%80%AE", "%3Cscript%3E", "%25", "%", "+", "%ED%A0%80",
    ];

    /// <summary>The values posted to pages' form fields (each post runs the page's whole form handling, sign-in or save).</summary>
    private static readonly string[] FormValues = [.. MalformedValues.Take(12), "%ED%A0%80", "%3Cscript%3E"];

    /// <summary>Values every page or handler may read by name (the pipeline's own: the return address, the culture, the form handler).</summary>
    private static readonly string[] PipelineNames = ["returnUrl", "culture", "ui-culture", "_handler", "handler"];

    private const string Page = "잘못된 값 시험";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryRouteAndParameter_MalformedValues_NeverAnswer5xx()
    {
        // Arrange: a page to aim wiki routes at, a staff member and an administrator, and the route table.
        using var staff = await WikiHttp.SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var admin = await WikiHttp.SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        await WikiHttp.SaveAsync(staff, Page, "본문 " + Guid.NewGuid());
        var routes = Routes();
        var sourceNames = NamesReadBySources();
        var gets = new List<string>();
        var posts = new List<(string Path, string Body)>();
        foreach (var route in routes)
        {
            var queryNames = route.QueryNames.Concat(PipelineNames).Concat(route.IsHandler ? sourceNames : []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (route.AcceptsGet)
            {
                gets.AddRange(Requests(route, queryNames));
            }

            if (route.AcceptsPost && route.IsHandler && !route.Pattern.Equals("/authentication/logout", StringComparison.Ordinal))
            {
                posts.AddRange(FormRequests(route, queryNames));
            }

            // A page's forms: each field of each [SupplyParameterFromForm] model, posted to its handler.
            foreach (var (handler, field) in route.FormFields)
            {
                var path = Fill(route, null, null);
                posts.AddRange(FormValues.Select(v => (path, $"_handler={Uri.EscapeDataString(handler)}&{Uri.EscapeDataString(field)}={v}")));
            }
        }

        // Act
        var failures = new ConcurrentBag<string>();
        var sent = 0;
        foreach (var client in new[] { staff, admin })
        {
            var token = await client.GetAntiforgeryTokenAsync("/");
            await Parallel.ForEachAsync(gets, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Cancel }, async (path, _) =>
            {
                var response = await client.GetAsync(path);
                Interlocked.Increment(ref sent);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"GET {path[..Math.Min(path.Length, 160)]} → {(int)response.StatusCode}");
                }
            });
            foreach (var (path, body) in posts)
            {
                var response = await PostRawAsync(client, path, body + "&__RequestVerificationToken=" + Uri.EscapeDataString(token));
                sent++;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"POST {path} {body[..Math.Min(body.Length, 160)]} → {(int)response.StatusCode}");
                }
            }
        }

        var stillSignedIn = await admin.GetAsync("/admin/sessions");
        XssTests.Report($"malformed values: {routes.Count} routes ({routes.Count(r => r.QueryNames.Count > 0)} with declared query parameters, "
            + $"{routes.Sum(r => r.FormFields.Count)} page form fields), "
            + $"{MalformedValues.Length} values, {sent} requests as staff and administrator, {failures.Count} answered 5xx");

        // Assert
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Order(StringComparer.Ordinal).Take(60)));
        Assert.True(routes.Count >= 40, $"only {routes.Count} routes");
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    private IEnumerable<string> Requests(Route route, List<string> queryNames)
    {
        foreach (var parameter in route.RouteParameters)
        {
            foreach (var value in MalformedValues.Where(v => !v.Contains("%00", StringComparison.Ordinal)))
            {
                // A NUL in the path never reaches the portal: Kestrel answers 400 (and TestServer's client throws).
                yield return Fill(route, parameter, value);
            }
        }

        var path = Fill(route, null, null);
        foreach (var name in queryNames)
        {
            foreach (var value in MalformedValues)
            {
                yield return $"{path}?{Uri.EscapeDataString(name)}={value}";
            }
        }
    }

    private IEnumerable<(string Path, string Body)> FormRequests(Route route, List<string> names)
    {
        var path = Fill(route, null, null);
        foreach (var name in names)
        {
            foreach (var value in MalformedValues)
            {
                yield return (path, $"{Uri.EscapeDataString(name)}={value}");
            }
        }

        foreach (var parameter in route.RouteParameters)
        {
            foreach (var value in MalformedValues.Take(8))
            {
                yield return (Fill(route, parameter, value), "x=1");
            }
        }
    }

    /// <summary>The route with each parameter given a value that matches (a real page, application, id), or <paramref name="value"/> for <paramref name="malformed"/>.</summary>
    private static string Fill(Route route, string? malformed, string? value) => "/" + RouteParameter().Replace(route.Pattern.TrimStart('/'), m =>
    {
        var name = m.Groups[1].Value;
        if (string.Equals(name, malformed, StringComparison.OrdinalIgnoreCase))
        {
            return value!;
        }

        return name.ToLowerInvariant() switch
        {
            "slug" => Uri.EscapeDataString(Page.Replace(' ', '_')),
            "clientid" => "hr-personnel",
            "uid" => DemoAccounts.KimMinsu.Uid,
            "code" => "404",
            _ => "1",
        };
    });

    private static async Task<HttpResponseMessage> PostRawAsync(PortalClient client, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Forwarded-For", "192.0.2.140");
        return await client.Http.SendAsync(request, Cancel);
    }

    private List<Route> Routes() =>
        [.. portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.TrimStart('/').StartsWith('_') && !IsStaticFile(e))
            .Select(e =>
            {
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
                var component = e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
                var handler = e.Metadata.GetMetadata<MethodInfo>();
                var query = component is not null ? DeclaredQuery(component) : HandlerNames(handler);
                var forms = component is not null ? DeclaredFormFields(component) : [];
                return new Route(
                    "/" + e.RoutePattern.RawText!.TrimStart('/'),
                    [.. e.RoutePattern.Parameters.Where(p => !p.IsCatchAll).Select(p => p.Name)],
                    query,
                    methods is null || methods.Contains("GET", StringComparer.Ordinal),
                    methods is null || methods.Contains("POST", StringComparer.Ordinal),
                    component is null,
                    forms);
            })
            .DistinctBy(r => (r.Pattern, r.AcceptsGet, r.AcceptsPost))];

    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))
        || endpoint.RoutePattern.RawText?.Split('/').Last().Contains('.', StringComparison.Ordinal) == true && endpoint.RoutePattern.Parameters.Count == 0;

    private static List<string> DeclaredQuery(Type component) =>
        [.. component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Query is not null)
            .Select(p => p.Query!.Name ?? p.Property.Name)];

    /// <summary>The form fields a page binds: (form name, field) for each property of each <c>[SupplyParameterFromForm]</c> model.</summary>
    private static List<(string Handler, string Field)> DeclaredFormFields(Type component) =>
        [.. component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Form: p.GetCustomAttribute<SupplyParameterFromFormAttribute>()))
            .Where(p => p.Form is not null)
            .SelectMany(p =>
            {
                var prefix = p.Form!.Name ?? p.Property.Name;
                var handler = p.Form.FormName ?? "";
                var type = Nullable.GetUnderlyingType(p.Property.PropertyType) ?? p.Property.PropertyType;
                return type.IsPrimitive || type == typeof(string)
                    ? [(handler, prefix)]
                    : type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(m => m.CanWrite).Select(m => (handler, $"{prefix}.{m.Name}"));
            })];

    /// <summary>A minimal-API handler's parameters that come from the request (not services, not the context).</summary>
    private static List<string> HandlerNames(MethodInfo? handler) =>
        handler is null ? [] : [.. handler.GetParameters()
            .Where(p => p.ParameterType.IsPrimitive || p.ParameterType == typeof(string) || Nullable.GetUnderlyingType(p.ParameterType) is not null
                || p.GetCustomAttributes().Any(a => a is FromQueryAttribute or FromFormAttribute or FromRouteAttribute))
            .Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.GetCustomAttribute<FromFormAttribute>()?.Name ?? p.Name!)];

    /// <summary>Query and form values the sources read by name (<c>Query["x"]</c>, <c>form["x"]</c>), which no signature declares.</summary>
    private static List<string> NamesReadBySources() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ReadByName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"(?:Query|[Ff]orm)\[""([A-Za-z_.\-]+)""\]")]
    private static partial Regex ReadByName();

    private sealed record Route(
        string Pattern, List<string> RouteParameters, List<string> QueryNames, bool AcceptsGet, bool AcceptsPost, bool IsHandler, List<(string Handler, string Field)> FormFields);
}
