using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Portal.IntegrationTests.Search;

/// <summary>A real intranet web site on 127.0.0.1 for the portal to crawl: pages the test sets, every request counted.</summary>
public sealed class CrawlTestSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    static CrawlTestSite() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private CrawlTestSite(WebApplication app) => _app = app;

    /// <summary>The site's root, ending in '/'.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Requests by path.</summary>
    public ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>Starts an empty site (every path answers 404 until set).</summary>
    public static async Task<CrawlTestSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new CrawlTestSite(app);
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "/";
            site.Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (site._routes.TryGetValue(path, out var handler))
            {
                return handler(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        site.Url = app.Urls.First().TrimEnd('/') + "/";
        return site;
    }

    /// <summary>A UTF-8 HTML page with a title, a body and links.</summary>
    public void Page(string path, string title, string body, params string[] links) => Html(path,
        $"<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><p>{body}</p>"
        + string.Concat(links.Select(l => $"<a href=\"{l}\">{l}</a> ")) + "</body></html>");

    /// <summary>Any HTML at a path.</summary>
    public void Html(string path, string html) => _routes[path] = context =>
        WriteAsync(context, Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");

    /// <summary>Bytes in a given content type.</summary>
    public void Bytes(string path, byte[] body, string contentType) => _routes[path] = context => WriteAsync(context, body, contentType);

    /// <summary>A page that answers only once <paramref name="gate"/> opens (or the request is aborted).</summary>
    public void Held(string path, string title, Task gate, TaskCompletionSource reached) => _routes[path] = async context =>
    {
        reached.TrySetResult();
        try
        {
            await gate.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await WriteAsync(context, Encoding.UTF8.GetBytes($"<html><head><title>{title}</title></head><body>{title}</body></html>"), "text/html; charset=utf-8");
    };

    /// <summary>Stops answering a path (it now gives 404).</summary>
    public void Remove(string path) => _routes.TryRemove(path, out _);

    /// <summary>How often <paramref name="path"/> was requested.</summary>
    public int Count(string path) => Requests.GetValueOrDefault(path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static async Task WriteAsync(HttpContext context, byte[] body, string contentType)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        try
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The crawler hung up.
        }
    }
}
