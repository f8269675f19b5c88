using GatewayPortal.Portal.Boards;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.Tests.Boards;

/// <summary>The notice form's size check and the per-node bound on uploads processed at once.</summary>
public sealed class BoardUploadLimitMiddlewareTests
{
    private static readonly IServiceProvider s_services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();

    [Fact]
    public async Task Invoke_DeclaredBodyOverTheLimit_Answers413WithoutRunningTheForm()
    {
        // Arrange
        var ran = false;
        var pipeline = Pipeline(_ =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        var context = NoticePost(BoardUploadLimitsAttribute.MaxBodyBytes + 1);

        // Act
        await pipeline(context);

        // Assert
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.False(ran);
    }

    [Fact]
    public async Task Invoke_MoreLargeUploadsThanSlots_TheExtraOneWaitsThenProceedsWhenASlotFrees()
    {
        // Arrange: every slot is taken by an upload that has not finished.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var pipeline = Pipeline(async _ =>
        {
            Interlocked.Increment(ref started);
            await release.Task;
        });
        var holding = Enumerable.Range(0, BoardUploadLimitMiddleware.MaxConcurrentUploads)
            .Select(_ => pipeline(NoticePost(BoardUploadLimitMiddleware.LargeBodyBytes))).ToList();
        var extra = NoticePost(BoardUploadLimitMiddleware.LargeBodyBytes);

        // Act
        var waiting = pipeline(extra);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        var startedWhileFull = Volatile.Read(ref started);
        release.SetResult();
        await Task.WhenAll([.. holding, waiting]);

        // Assert
        Assert.Equal(BoardUploadLimitMiddleware.MaxConcurrentUploads, startedWhileFull);
        Assert.Equal(BoardUploadLimitMiddleware.MaxConcurrentUploads + 1, started);
        Assert.Equal(StatusCodes.Status200OK, extra.Response.StatusCode);
    }

    [Fact]
    public async Task Invoke_NoSlotFreesInTime_Answers503WithRetryAfterAndNeverRunsTheForm()
    {
        // Arrange
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ranExtra = false;
        var holdingStarted = 0;
        var pipeline = Pipeline(async ctx =>
        {
            if (ctx.Items.ContainsKey("extra"))
            {
                ranExtra = true;
                return;
            }

            Interlocked.Increment(ref holdingStarted);
            await release.Task;
        });
        var holding = Enumerable.Range(0, BoardUploadLimitMiddleware.MaxConcurrentUploads)
            .Select(_ => pipeline(NoticePost(BoardUploadLimitMiddleware.LargeBodyBytes))).ToList();
        var extra = NoticePost(BoardUploadLimitMiddleware.LargeBodyBytes);
        extra.Items["extra"] = true;
        var wait = BoardUploadLimitMiddleware.UploadWait;
        BoardUploadLimitMiddleware.UploadWait = TimeSpan.FromMilliseconds(100);

        // Act
        try
        {
            await pipeline(extra);
        }
        finally
        {
            BoardUploadLimitMiddleware.UploadWait = wait;
            release.SetResult();
            await Task.WhenAll(holding);
        }

        // Assert
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, extra.Response.StatusCode);
        Assert.Equal("30", extra.Response.Headers.RetryAfter.ToString());
        Assert.False(ranExtra);
    }

    [Fact]
    public async Task Invoke_SmallForm_IsNeverQueued()
    {
        // Arrange: all slots busy.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pipeline = Pipeline(ctx => ctx.Request.ContentLength >= BoardUploadLimitMiddleware.LargeBodyBytes ? release.Task : Task.CompletedTask);
        var holding = Enumerable.Range(0, BoardUploadLimitMiddleware.MaxConcurrentUploads)
            .Select(_ => pipeline(NoticePost(BoardUploadLimitMiddleware.LargeBodyBytes))).ToList();

        // Act
        var small = pipeline(NoticePost(10_000));
        var finished = await Task.WhenAny(small, Task.Delay(5_000, TestContext.Current.CancellationToken)) == small;
        release.SetResult();
        await Task.WhenAll(holding);

        // Assert
        Assert.True(finished, "a small form waited for an upload slot");
    }

    private static RequestDelegate Pipeline(RequestDelegate endpoint)
    {
        var app = new ApplicationBuilder(s_services);
        app.UseBoardUploadLimits();
        app.Run(endpoint);
        return app.Build();
    }

    private static DefaultHttpContext NoticePost(long length)
    {
        var context = new DefaultHttpContext { RequestServices = s_services };
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentLength = length;
        context.Response.Body = new MemoryStream();
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new BoardUploadLimitsAttribute()), "notice form"));
        return context;
    }
}
