using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Tests.Crawling;

/// <summary>A real Kestrel server on 127.0.0.1 whose pages the test sets up and changes.</summary>
internal sealed class TestWebSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestWebSite(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, RequestDelegate> Routes { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request as path and If-None-Match header.</summary>
    public ConcurrentQueue<(string Path, string IfNoneMatch)> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<TestWebSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new TestWebSite(app);
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "/";
            site.Requests.Enqueue((path, context.Request.Headers.IfNoneMatch.ToString()));
            if (site.Routes.TryGetValue(path, out var handler))
            {
                return handler(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        site.BaseUrl = new Uri(app.Urls.First());
        return site;
    }

    public Uri Url(string path) => new(BaseUrl, path);

    public bool WasRequested(string path) => Requests.Any(r => r.Path == path);

    public void Html(string path, string html, string contentType = "text/html; charset=utf-8") =>
        Bytes(path, Encoding.UTF8.GetBytes(html), contentType);

    public void Bytes(string path, byte[] body, string contentType) => Routes[path] = async context =>
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    };

    public void Redirect(string path, string location) => Routes[path] = context =>
    {
        context.Response.Redirect(location);
        return Task.CompletedTask;
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
