using GatewayPortal.Boards.Attachments;
using GatewayPortal.Boards.Feed;
using GatewayPortal.Boards.Posts;
using GatewayPortal.Portal.Boards;
using GatewayPortal.Portal.Components.Pages.Notices;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>Attachment downloads, post deletion and each board's Atom feed.</summary>
public static class NoticeEndpoints
{
    /// <summary>Maps GET /notices/attachments/{id}, POST /notices/{board}/{post}/delete and GET /notices/{board}/feed.</summary>
    public static IEndpointRouteBuilder MapNoticeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The delete POST checks the form's antiforgery token itself and answers 400 without it.
        var notices = endpoints.MapGroup(NoticePaths.Root).RequireAuthorization().WithTags("Notices").DisableAntiforgery();
        notices.MapGet("/attachments/{id}", DownloadAsync).WithName("NoticeAttachment");
        notices.MapPost("/{boardKey}/{postId}/delete", DeleteAsync).WithName("NoticeDelete");
        notices.MapGet("/{boardKey}/feed", FeedAsync).WithName("NoticeFeed");
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(string id, HttpContext http, INoticeReader reader, BoardViewerFactory viewers)
    {
        if (!NoticePaths.TryParseId(id, out var attachmentId))
        {
            return TypedResults.NotFound();
        }

        var download = await reader.GetAttachmentAsync(attachmentId, await viewers.CreateAsync(http.User), http.RequestAborted);
        if (download is null)
        {
            return TypedResults.NotFound();
        }

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-cache";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(download.FileName);
        headers.ContentDisposition = disposition.ToString();
        return TypedResults.Bytes(download.Bytes, AttachmentPolicy.ServedContentType(download.ContentType), entityTag: new EntityTagHeaderValue("\"" + download.Sha256 + "\""));
    }

    private static async Task<IResult> DeleteAsync(string boardKey, string postId, HttpContext http, IAntiforgery antiforgery, INoticeWriter writer, BoardViewerFactory viewers)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.BadRequest();
        }

        if (!NoticePaths.TryParseId(postId, out var id))
        {
            return TypedResults.NotFound();
        }

        var result = await writer.DeleteAsync(boardKey, id, await viewers.CreateAsync(http.User), http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        return result switch
        {
            NoticeSaveResult.Saved => TypedResults.LocalRedirect(NoticePaths.Board(boardKey.ToLowerInvariant()) + "?notice=deleted"),
            NoticeSaveResult.Forbidden => TypedResults.LocalRedirect(NoticePaths.Post(boardKey.ToLowerInvariant(), id) + "?error=forbidden"),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<IResult> FeedAsync(string boardKey, HttpContext http, INoticeReader reader, BoardViewerFactory viewers, TimeProvider time)
    {
        var viewer = await viewers.CreateAsync(http.User);
        var board = await reader.GetBoardAsync(boardKey, viewer, http.RequestAborted);
        if (board is null)
        {
            return TypedResults.NotFound();
        }

        var page = await reader.ListAsync(new NoticeListQuery(board.Id, null, 1, 30), viewer with { IsAdministrator = false }, http.RequestAborted);
        var origin = new Uri($"{http.Request.Scheme}://{http.Request.Host}");
        var xml = NoticeAtomFeedBuilder.Build(board.Name, new Uri(origin, NoticePaths.Board(board.Key)), new Uri(origin, NoticePaths.Feed(board.Key)),
            [.. page.Items.Where(i => i.State == NoticeState.Live)], item => new Uri(origin, NoticePaths.Post(item.BoardKey, item.PostId)), time.GetUtcNow().UtcDateTime);
        // Every feed needs a sign-in and is trimmed by audience: no shared cache may keep it.
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers.Vary = "Cookie, Accept-Language";
        return TypedResults.Text(xml, "application/atom+xml; charset=utf-8");
    }
}
