using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace GatewayPortal.Identity.Directory;

internal sealed partial class LdapFilter
{
    private const int MaxDepth = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Attributes whose equality rule is <c>caseIgnoreMatch</c> or <c>caseIgnoreIA5Match</c> in the standard schemas
    /// (core, cosine, inetorgperson) and in Active Directory. Equality on any other attribute (integers, DNs such as
    /// memberOf, object classes, times, telephone numbers, custom types) is left to the server.
    /// </summary>
    private static readonly FrozenSet<string> CaseIgnoreAttributes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "businessCategory", "carLicense", "cn", "departmentNumber", "description", "displayName", "employeeNumber",
        "employeeType", "givenName", "info", "initials", "l", "mail", "o", "organizationalStatus", "ou",
        "personalTitle", "physicalDeliveryOfficeName", "preferredLanguage", "roomNumber", "sn", "st", "title", "uid",
        "userClass");

    /// <summary>Supertypes: the server also matches their subtypes (cn, sn, member, …), which an entry lists under their own names.</summary>
    private static readonly FrozenSet<string> Supertypes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "name", "distinguishedName");

    /// <summary>
    /// Parses <paramref name="filter"/>; null when it is empty, malformed, or uses anything but and, or, not, presence
    /// and equality on a directory-string attribute (substrings, ordering, approximate and extensible matches, attribute
    /// options or OIDs, empty <c>(&amp;)</c>/<c>(|)</c>): such a filter has to be evaluated by the server.
    /// </summary>
    public static LdapFilter? TryParse(string? filter)
    {
        if (string.IsNullOrEmpty(filter))
        {
            return null;
        }

        var position = 0;
        var parsed = ParseFilter(filter, ref position, depth: 0);
        return position == filter.Length ? parsed : null;
    }

    private static LdapFilter? ParseFilter(string text, ref int position, int depth)
    {
        if (depth > MaxDepth || position + 1 >= text.Length || text[position] != '(')
        {
            return null;
        }

        position++;
        var parsed = text[position] switch
        {
            '&' => ParseSet(LdapFilterKind.And, text, ref position, depth),
            '|' => ParseSet(LdapFilterKind.Or, text, ref position, depth),
            '!' => ParseNot(text, ref position, depth),
            _ => ParseItem(text, ref position),
        };
        if (parsed is null || position >= text.Length || text[position] != ')')
        {
            return null;
        }

        position++;
        return parsed;
    }

    private static LdapFilter? ParseSet(LdapFilterKind kind, string text, ref int position, int depth)
    {
        position++;
        var operands = new List<LdapFilter>();
        while (position < text.Length && text[position] == '(')
        {
            var operand = ParseFilter(text, ref position, depth + 1);
            if (operand is null)
            {
                return null;
            }

            operands.Add(operand);
        }

        // (&) and (|) are RFC 4526 absolute true and false: rare enough to leave to the server.
        return operands.Count == 0 ? null : new LdapFilter(kind, "", "", [.. operands]);
    }

    private static LdapFilter? ParseNot(string text, ref int position, int depth)
    {
        position++;
        var operand = ParseFilter(text, ref position, depth + 1);
        return operand is null ? null : new LdapFilter(LdapFilterKind.Not, "", "", [operand]);
    }

    private static LdapFilter? ParseItem(string text, ref int position)
    {
        // An assertion value cannot hold an unescaped ')', so the item ends at the next one.
        var end = text.IndexOf(')', position);
        if (end < 0)
        {
            return null;
        }

        var item = text.AsSpan(position, end - position);
        var equals = item.IndexOf('=');
        if (equals <= 0)
        {
            return null;
        }

        // '~', '>', '<' (before '='), ':' (extensible match), ';' (options) and OIDs all fail the name check.
        var attribute = item[..equals].ToString();
        if (!IsAttributeName(attribute))
        {
            return null;
        }

        position = end;
        var raw = item[(equals + 1)..];
        if (raw is "*")
        {
            return Supertypes.Contains(attribute) ? null : new LdapFilter(LdapFilterKind.Present, attribute, "", []);
        }

        if (!CaseIgnoreAttributes.Contains(attribute))
        {
            return null;
        }

        var value = Unescape(raw);
        var normalized = value is null ? null : NormalizeValue(value);
        return string.IsNullOrEmpty(normalized) ? null : new LdapFilter(LdapFilterKind.Equality, attribute, normalized, []);
    }

    private static bool IsAttributeName(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes <c>\XX</c> escapes (UTF-8 bytes); null for substrings (an unescaped <c>*</c>), stray characters or invalid UTF-8.</summary>
    private static string? Unescape(ReadOnlySpan<char> raw)
    {
        if (raw.IsEmpty || raw.ContainsAny('*', '(', '\0'))
        {
            return null;
        }

        var bytes = new List<byte>(raw.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < raw.Length;)
        {
            if (raw[i] == '\\')
            {
                if (i + 2 >= raw.Length || !char.IsAsciiHexDigit(raw[i + 1]) || !char.IsAsciiHexDigit(raw[i + 2]))
                {
                    return null;
                }

                bytes.Add((byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2])));
                i += 3;
                continue;
            }

            if (Rune.DecodeFromUtf16(raw[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                return null;
            }

            var written = rune.EncodeToUtf8(utf8);
            for (var b = 0; b < written; b++)
            {
                bytes.Add(utf8[b]);
            }

            i += consumed;
        }

        try
        {
            var value = StrictUtf8.GetString([.. bytes]);
            return value.Contains('\0', StringComparison.Ordinal) ? null : value;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
