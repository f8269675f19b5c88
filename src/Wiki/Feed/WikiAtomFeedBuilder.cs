using System.Globalization;
using System.Text;
using System.Xml;
using GatewayPortal.Wiki.Pages;

namespace GatewayPortal.Wiki.Feed;

/// <summary>Writes recent changes as an Atom 1.0 (RFC 4287) document; XmlWriter does all escaping.</summary>
public static class WikiAtomFeedBuilder
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>
    /// Builds the feed. <paramref name="changeLink"/> gives each change's absolute URL (typically the diff view);
    /// <paramref name="now"/> is the feed's updated time when there are no changes.
    /// </summary>
    public static string Build(WikiFeedInfo feed, IReadOnlyList<RecentChange> changes, Func<RecentChange, Uri> changeLink, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(changeLink);
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, CheckCharacters = false };
        using (var writer = XmlWriter.Create(new StringWriter(builder, CultureInfo.InvariantCulture), settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", AtomNamespace);
            writer.WriteElementString("id", AtomNamespace, feed.Id.AbsoluteUri);
            writer.WriteElementString("title", AtomNamespace, feed.Title);
            writer.WriteElementString("updated", AtomNamespace, Timestamp(changes.Count > 0 ? changes.Max(c => c.Revision.CreatedAt) : now));
            WriteLink(writer, "self", feed.SelfLink);
            WriteLink(writer, "alternate", feed.AlternateLink);
            foreach (var change in changes)
            {
                WriteEntry(writer, feed, change, changeLink(change));
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return builder.ToString();
    }

    private static void WriteEntry(XmlWriter writer, WikiFeedInfo feed, RecentChange change, Uri link)
    {
        var revision = change.Revision;
        writer.WriteStartElement("entry", AtomNamespace);
        writer.WriteElementString("id", AtomNamespace, new Uri(feed.Id, "#r" + revision.Id.ToString(CultureInfo.InvariantCulture)).AbsoluteUri);
        writer.WriteElementString("title", AtomNamespace, Clean(change.Title.FullName));
        writer.WriteElementString("updated", AtomNamespace, Timestamp(revision.CreatedAt));
        WriteLink(writer, "alternate", link);
        writer.WriteStartElement("author", AtomNamespace);
        writer.WriteElementString("name", AtomNamespace, Clean(revision.AuthorName));
        writer.WriteEndElement();
        writer.WriteElementString("summary", AtomNamespace, Clean(revision.Summary));
        writer.WriteEndElement();
    }

    private static void WriteLink(XmlWriter writer, string rel, Uri href)
    {
        writer.WriteStartElement("link", AtomNamespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href.AbsoluteUri);
        writer.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Drops characters XML 1.0 cannot carry (control characters an author might paste into a summary).</summary>
    private static string Clean(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : string.Concat(text.Where(XmlConvert.IsXmlChar));
}
