using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace GatewayPortal.Portal.Http;

/// <summary>
/// Refuses a page request whose query string carries a value the page's typed <c>[SupplyParameterFromQuery]</c>
/// properties cannot hold (<c>?rev=abc</c> for a <c>long?</c>, <c>?hideminor=maybe</c> for a <c>bool</c>): Blazor
/// would throw while binding and answer 500. The values are checked before the page runs, with Blazor's own parsing
/// rules (<see cref="QueryValueParser"/>), and refused with a 400 that the status page explains in the person's
/// language, naming the parameter. One check for every page, present and future.
/// </summary>
public static class QueryParameterValidation
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<QueryParameter>> Parameters = new();

    /// <summary>Adds the check; it must come after authorization (a stranger is sent to sign in first) and before the endpoint.</summary>
    public static IApplicationBuilder UseQueryParameterValidation(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not { } component
            || !context.Request.QueryString.HasValue)
        {
            return next(context);
        }

        foreach (var parameter in Parameters.GetOrAdd(component.Type, Declared))
        {
            if (context.Request.Query.TryGetValue(parameter.Name, out var values)
                && values.Any(v => !QueryValueParser.CanParse(parameter.Type, v ?? "")))
            {
                context.Features.Set(new StatusPageMessage("BadRequestTitle", "InvalidQueryValueText", parameter.Name));
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                // The page is not run, so its opt-out of the status pages (it renders its own errors) does not apply.
                if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = true;
                }

                return Task.CompletedTask;
            }
        }

        return next(context);
    });

    /// <summary>The query parameters a component declares, with the type each must parse as (the element type for arrays).</summary>
    public static IReadOnlyList<QueryParameter> Declared(Type componentType)
    {
        ArgumentNullException.ThrowIfNull(componentType);
        var found = new List<QueryParameter>();
        for (var type = componentType; type is not null && type != typeof(ComponentBase); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(Members | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } query)
                {
                    var valueType = property.PropertyType.IsArray ? property.PropertyType.GetElementType()! : property.PropertyType;
                    found.Add(new(query.Name ?? property.Name, valueType));
                }
            }
        }

        return found;
    }
}
