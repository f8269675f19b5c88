using System.Net;
using AngleSharp.Html.Dom;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Wiki;

/// <summary>Drives the wiki's pages the way a browser's plain forms do.</summary>
public static class WikiHttp
{
    /// <summary>The page's path for a title as typed (spaces become '_').</summary>
    public static string PathOf(string title) => "/wiki/" + Uri.EscapeDataString(title.Replace(' ', '_'));

    /// <summary>A client signed in as <paramref name="uid"/>.</summary>
    public static async Task<PortalClient> SignedInAsync(PortalApplicationFactory portal, string uid)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var client = portal.CreatePortalClient();
        var response = await client.SignInAsync(uid, DemoAccounts.Password);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"sign-in of {uid}: {response.StatusCode}");
        return client;
    }

    /// <summary>Opens the editor and returns its fields as the browser would post them (the Save button pressed).</summary>
    public static async Task<Dictionary<string, string>> OpenEditorAsync(PortalClient client, string title)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (response, document) = await client.GetDocumentAsync(PathOf(title) + "/edit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return FormFields(document);
    }

    /// <summary>The editor form's fields in a rendered editor page.</summary>
    public static Dictionary<string, string> FormFields(IHtmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var form = document.QuerySelector("form.wiki-editor") ?? throw new InvalidOperationException("No editor form.");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input[name]"))
        {
            var type = input.GetAttribute("type");
            if (type is "checkbox" && !input.HasAttribute("checked"))
            {
                continue;
            }

            fields[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        }

        foreach (var area in form.QuerySelectorAll("textarea[name]"))
        {
            fields[area.GetAttribute("name")!] = area.TextContent;
        }

        fields["Input.Action"] = "save";
        return fields;
    }

    /// <summary>Posts the editor form.</summary>
    public static Task<HttpResponseMessage> PostEditorAsync(PortalClient client, string title, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostFormAsync(PathOf(title) + "/edit", fields);
    }

    /// <summary>Opens the editor, replaces the text and saves; asserts the save redirected to the page.</summary>
    public static async Task<HttpResponseMessage> SaveAsync(PortalClient client, string title, string text, string summary = "")
    {
        var fields = await OpenEditorAsync(client, title);
        fields["Input.Text"] = text;
        fields["Input.Summary"] = summary;
        var response = await PostEditorAsync(client, title, fields);
        Assert.True(PortalClient.RedirectsTo(response, PathOf(title)), $"save of {title}: {(int)response.StatusCode}");
        return response;
    }

    /// <summary>The revision ids in the page's history, newest first.</summary>
    public static async Task<List<long>> RevisionsAsync(PortalClient client, string title)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (_, document) = await client.GetDocumentAsync(PathOf(title) + "/history");
        return [.. document.QuerySelectorAll("input[name=new]").Select(i => long.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>The page's current text, read from the editor.</summary>
    public static async Task<string> TextAsync(PortalClient client, string title) => (await OpenEditorAsync(client, title))["Input.Text"];
}
