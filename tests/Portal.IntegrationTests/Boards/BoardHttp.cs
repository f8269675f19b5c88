using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;

namespace GatewayPortal.Portal.IntegrationTests.Boards;

/// <summary>Drives the notice pages the way a browser's plain multipart forms do.</summary>
public static partial class BoardHttp
{
    /// <summary>A minimal PDF (the signature is what the policy sniffs).</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    /// <summary>Opens the new-post (or edit) form and posts it with <paramref name="fields"/> and <paramref name="files"/>.</summary>
    public static async Task<HttpResponseMessage> PostNoticeAsync(PortalClient client, string formPath, IReadOnlyDictionary<string, string> fields,
        IReadOnlyList<(string Name, byte[] Bytes)>? files = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var form = await client.GetFormFieldsAsync(formPath, "notice");
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in form)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var (name, bytes) in files ?? [])
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "files", name);
        }

        return await client.Http.PostAsync(formPath, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Posts a notice and returns its id from the redirect.</summary>
    public static async Task<long> CreateAsync(PortalClient client, string board, string title, string body = "본문", IReadOnlyDictionary<string, string>? more = null,
        IReadOnlyList<(string Name, byte[] Bytes)>? files = null)
    {
        var fields = new Dictionary<string, string>(more ?? new Dictionary<string, string>()) { ["title"] = title, ["body"] = body };
        var response = await PostNoticeAsync(client, $"/notices/{board}/new", fields, files);
        Assert.True(PortalClient.RedirectsTo(response, "/notices/"), $"post on {board}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        var match = PostPath().Match(PortalClient.LocationPath(response) ?? "");
        Assert.True(match.Success, PortalClient.LocationPath(response));
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^/notices/[a-z0-9-]+/(\d+)")]
    private static partial Regex PostPath();
}
