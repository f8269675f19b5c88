namespace GatewayPortal.Identity.Directory;

/// <summary>
/// An RFC 4515 search filter that can be evaluated against an entry already read, without asking the server:
/// <c>&amp;</c>, <c>|</c>, <c>!</c>, presence <c>(attr=*)</c> and equality <c>(attr=value)</c> on directory-string
/// attributes compared like <c>caseIgnoreMatch</c>. <see cref="TryParse"/> returns null for every other filter.
/// </summary>
internal sealed partial class LdapFilter
{
    private readonly LdapFilter[] _operands;

    private LdapFilter(LdapFilterKind kind, string attribute, string value, LdapFilter[] operands)
    {
        Kind = kind;
        Attribute = attribute;
        Value = value;
        _operands = operands;
        Attributes = kind is LdapFilterKind.Equality or LdapFilterKind.Present
            ? [attribute]
            : [.. operands.SelectMany(o => o.Attributes).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public LdapFilterKind Kind { get; }

    /// <summary>The attribute of an equality or presence item; empty for and, or, not.</summary>
    public string Attribute { get; }

    /// <summary>The normalised assertion value of an equality item; empty otherwise.</summary>
    public string Value { get; }

    public IReadOnlyList<LdapFilter> Operands => _operands;

    /// <summary>Every attribute the filter reads, each once (compared case-insensitively).</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>
    /// Evaluates the filter against an entry's attributes and their string values. Attribute names are matched
    /// case-insensitively; a missing attribute matches neither equality nor presence; one matching value is enough.
    /// </summary>
    public bool Matches(IReadOnlyDictionary<string, IReadOnlyList<string>> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        switch (Kind)
        {
            case LdapFilterKind.And:
                foreach (var operand in _operands)
                {
                    if (!operand.Matches(entry))
                    {
                        return false;
                    }
                }

                return true;
            case LdapFilterKind.Or:
                foreach (var operand in _operands)
                {
                    if (operand.Matches(entry))
                    {
                        return true;
                    }
                }

                return false;
            case LdapFilterKind.Not:
                return !_operands[0].Matches(entry);
            case LdapFilterKind.Present:
                return Find(entry, Attribute) is { Count: > 0 };
            default:
                var values = Find(entry, Attribute);
                if (values is null)
                {
                    return false;
                }

                foreach (var value in values)
                {
                    if (value is not null && string.Equals(NormalizeValue(value), Value, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    private static IReadOnlyList<string>? Find(IReadOnlyDictionary<string, IReadOnlyList<string>> entry, string attribute)
    {
        if (entry.TryGetValue(attribute, out var values))
        {
            return values;
        }

        foreach (var (name, candidate) in entry)
        {
            if (string.Equals(name, attribute, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }
}
