using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace GatewayPortal.Portal.Tests.Components;

/// <summary>
/// The malformed-value sweep (Portal.IntegrationTests, MalformedRouteValueTests) sends bad query values to every
/// routable page: a component that reads the query but has no route of its own would never be reached by it.
/// </summary>
public sealed class QueryParameterRoutingTests
{
    [Fact]
    public void EveryTypedQueryParameter_IsOnARoutablePage()
    {
        // Arrange
        var components = typeof(Program).Assembly.GetTypes().Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract);

        // Act
        var unrouted = components.Where(t => !t.GetCustomAttributes<RouteAttribute>().Any() && DeclaredQuery(t).Count > 0).Select(t => t.Name).ToList();

        // Assert
        Assert.Empty(unrouted);
    }

    private static List<string> DeclaredQuery(Type component) =>
        [.. component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Query is not null)
            .Select(p => p.Query!.Name ?? p.Property.Name)];
}
