using System.Globalization;

namespace GatewayPortal.Portal.Http;

/// <summary>
/// Whether a query value can be bound to a <c>[SupplyParameterFromQuery]</c> property of a given type, by the rules
/// Blazor binds with (its internal <c>UrlValueConstraint</c>: invariant culture; an empty value is null for a nullable
/// type and unreadable for a non-nullable one). A type Blazor cannot bind at all is reported as readable: Blazor
/// refuses such a component when it is first used, which no request can cause.
/// </summary>
public static class QueryValueParser
{
    /// <summary>True when <paramref name="value"/> binds to <paramref name="type"/>.</summary>
    public static bool CanParse(Type type, string value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return value.Length == 0 || CanParse(underlying, value);
        }

        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            _ when type == typeof(string) => true,
            _ when type == typeof(bool) => bool.TryParse(value, out _),
            _ when type == typeof(int) => int.TryParse(value, NumberStyles.Integer, invariant, out _),
            _ when type == typeof(long) => long.TryParse(value, NumberStyles.Integer, invariant, out _),
            _ when type == typeof(decimal) => decimal.TryParse(value, NumberStyles.Number, invariant, out _),
            _ when type == typeof(double) => double.TryParse(value, NumberStyles.Number, invariant, out _),
            _ when type == typeof(float) => float.TryParse(value, NumberStyles.Number, invariant, out _),
            _ when type == typeof(Guid) => Guid.TryParse(value, out _),
            _ when type == typeof(DateTime) => DateTime.TryParse(value, invariant, DateTimeStyles.None, out _),
            _ when type == typeof(DateOnly) => DateOnly.TryParse(value, invariant, DateTimeStyles.None, out _),
            _ when type == typeof(TimeOnly) => TimeOnly.TryParse(value, invariant, DateTimeStyles.None, out _),
            _ => true,
        };
    }
}
