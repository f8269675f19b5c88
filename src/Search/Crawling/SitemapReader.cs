using System.Xml;

namespace GatewayPortal.Search.Crawling;

/// <summary>Reads the &lt;loc&gt; entries of a sitemap or a sitemap index.</summary>
internal static class SitemapReader
{
    /// <summary>Page URLs and nested sitemap URLs found in <paramref name="xml"/>; malformed XML yields what was read so far.</summary>
    public static (List<string> Pages, List<string> Sitemaps) Read(Stream xml)
    {
        List<string> pages = [];
        List<string> sitemaps = [];
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            var inIndex = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "sitemapindex")
                {
                    inIndex = true;
                }
                else if (reader.LocalName == "loc")
                {
                    var loc = reader.ReadElementContentAsString().Trim();
                    (inIndex ? sitemaps : pages).Add(loc);
                }
            }
        }
        catch (XmlException)
        {
            // A broken sitemap still contributes the entries before the error.
        }

        return (pages, sitemaps);
    }
}
