using System.Globalization;
using System.Text;
using System.Xml;
using GatewayPortal.Boards.Posts;

namespace GatewayPortal.Boards.Feed;

/// <summary>Writes a board's notices as an Atom 1.0 (RFC 4287) document; XmlWriter does all escaping.</summary>
public static class NoticeAtomFeedBuilder
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>Builds the feed of <paramref name="items"/>; <paramref name="postLink"/> gives each post's absolute URL.</summary>
    public static string Build(string title, Uri boardPage, Uri self, IReadOnlyList<NoticeListItem> items, Func<NoticeListItem, Uri> postLink, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(postLink);
        ArgumentNullException.ThrowIfNull(boardPage);
        ArgumentNullException.ThrowIfNull(self);
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, CheckCharacters = false };
        using (var writer = XmlWriter.Create(new StringWriter(builder, CultureInfo.InvariantCulture), settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", AtomNamespace);
            writer.WriteElementString("id", AtomNamespace, boardPage.AbsoluteUri);
            writer.WriteElementString("title", AtomNamespace, Clean(title));
            writer.WriteElementString("updated", AtomNamespace, Timestamp(items.Count > 0 ? items.Max(i => i.PublishAt) : nowUtc));
            WriteLink(writer, "self", self);
            WriteLink(writer, "alternate", boardPage);
            foreach (var item in items)
            {
                var link = postLink(item);
                writer.WriteStartElement("entry", AtomNamespace);
                writer.WriteElementString("id", AtomNamespace, link.AbsoluteUri);
                writer.WriteElementString("title", AtomNamespace, Clean(item.Title));
                writer.WriteElementString("updated", AtomNamespace, Timestamp(item.PublishAt));
                WriteLink(writer, "alternate", link);
                writer.WriteStartElement("author", AtomNamespace);
                writer.WriteElementString("name", AtomNamespace, Clean(item.AuthorName));
                writer.WriteEndElement();
                if (item.Category is { Length: > 0 } category)
                {
                    writer.WriteStartElement("category", AtomNamespace);
                    writer.WriteAttributeString("term", Clean(category));
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return builder.ToString();
    }

    private static void WriteLink(XmlWriter writer, string rel, Uri href)
    {
        writer.WriteStartElement("link", AtomNamespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href.AbsoluteUri);
        writer.WriteEndElement();
    }

    private static string Timestamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Clean(string text) => text.All(XmlConvert.IsXmlChar) ? text : string.Concat(text.Where(XmlConvert.IsXmlChar));
}
