using System.Globalization;

namespace GatewayPortal.Portal.Components.Pages.Notices;

/// <summary>The notice boards' URLs.</summary>
public static class NoticePaths
{
    /// <summary>Every board.</summary>
    public const string Root = "/notices";

    /// <summary>A board's list.</summary>
    public static string Board(string key) => Root + "/" + Uri.EscapeDataString(key);

    /// <summary>A post.</summary>
    public static string Post(string key, long id) => Board(key) + "/" + Id(id);

    /// <summary>The new-post form.</summary>
    public static string New(string key) => Board(key) + "/new";

    /// <summary>A post's edit form.</summary>
    public static string Edit(string key, long id) => Post(key, id) + "/edit";

    /// <summary>A post's history.</summary>
    public static string History(string key, long id) => Post(key, id) + "/history";

    /// <summary>A post's delete action.</summary>
    public static string Delete(string key, long id) => Post(key, id) + "/delete";

    /// <summary>A board's Atom feed.</summary>
    public static string Feed(string key) => Board(key) + "/feed";

    /// <summary>An attachment's download.</summary>
    public static string Attachment(long id) => Root + "/attachments/" + Id(id);

    /// <summary>An id as digits.</summary>
    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a positive id from a URL segment.</summary>
    public static bool TryParseId(string? value, out long id) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
}
