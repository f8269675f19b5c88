using System.Text;

namespace GatewayPortal.Tools.OrgGen;

/// <summary>Writes single LDIF entries; values that are not RFC 2849 SAFE-STRINGs are base64-encoded.</summary>
internal sealed class LdifEntryWriter(TextWriter writer)
{
    public void Entry(string dn, params IEnumerable<(string Attribute, string Value)> attributes)
    {
        Line("dn", dn);
        foreach (var (attribute, value) in attributes)
        {
            Line(attribute, value);
        }

        writer.Write('\n');
    }

    private void Line(string attribute, string value)
    {
        writer.Write(attribute);
        if (IsSafe(value))
        {
            writer.Write(": ");
            writer.Write(value);
        }
        else
        {
            writer.Write(":: ");
            writer.Write(Convert.ToBase64String(Encoding.UTF8.GetBytes(value)));
        }

        writer.Write('\n');
    }

    private static bool IsSafe(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (value[0] is ' ' or ':' or '<' || value[^1] == ' ')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is '\0' or '\n' or '\r' || c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
