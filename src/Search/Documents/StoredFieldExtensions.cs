using System.Globalization;
using Lucene.Net.Documents;

namespace GatewayPortal.Search.Documents;

/// <summary>Reads stored string fields without culture-dependent formatting.</summary>
internal static class StoredFieldExtensions
{
    public static string? Text(this Document doc, string field) => doc.Get(field, CultureInfo.InvariantCulture);

    public static string RequiredText(this Document doc, string field) =>
        doc.Text(field) ?? throw new InvalidOperationException($"Indexed document lacks stored field '{field}'.");
}
