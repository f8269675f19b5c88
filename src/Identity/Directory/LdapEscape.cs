using System.Buffers;
using System.Text;

namespace GatewayPortal.Identity.Directory;

/// <summary>Escaping of user input for LDAP search filters (RFC 4515) and distinguished names (RFC 4514).</summary>
public static class LdapEscape
{
    private static readonly SearchValues<char> FilterSpecials = SearchValues.Create("*()\\\0");

    /// <summary>
    /// Escapes a value for use inside a filter assertion: <c>*</c>, <c>(</c>, <c>)</c>, <c>\</c> and NUL become
    /// <c>\2a</c>, <c>\28</c>, <c>\29</c>, <c>\5c</c>, <c>\00</c>. Other characters, non-ASCII included, stay as they are
    /// (they are sent as UTF-8).
    /// </summary>
    public static string EscapeFilterValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.AsSpan().ContainsAny(FilterSpecials))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '*' => builder.Append(@"\2a"),
                '(' => builder.Append(@"\28"),
                ')' => builder.Append(@"\29"),
                '\\' => builder.Append(@"\5c"),
                '\0' => builder.Append(@"\00"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>
    /// Escapes a value for use as an attribute value in a DN: <c>, + " \ &lt; &gt; ;</c> and <c>=</c> get a backslash,
    /// as do a leading space or <c>#</c> and a trailing space; NUL becomes <c>\00</c>.
    /// </summary>
    public static string EscapeDnValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case ',' or '+' or '"' or '\\' or '<' or '>' or ';' or '=':
                    builder.Append('\\').Append(c);
                    break;
                case '\0':
                    builder.Append(@"\00");
                    break;
                case ' ' when i == 0 || i == value.Length - 1:
                    builder.Append(@"\ ");
                    break;
                case '#' when i == 0:
                    builder.Append(@"\#");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
