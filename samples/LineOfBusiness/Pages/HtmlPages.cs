using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace GatewayPortal.Samples.LineOfBusiness.Pages;

/// <summary>The sample's few pages as minimal, self-contained HTML (no external assets).</summary>
public static class HtmlPages
{
    public const string ContentType = "text/html; charset=utf-8";

    // Keeps Hangul readable in the markup while still escaping markup characters.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Home(SignedInUser user, string antiforgeryField, string antiforgeryToken, int waiting)
    {
        ArgumentNullException.ThrowIfNull(user);
        var groups = user.Groups.Count == 0
            ? "<dd>(없음)</dd>"
            : $"<dd><ul>{string.Concat(user.Groups.Select(g => $"<li>{E(g)}</li>"))}</ul></dd>";
        return Layout("민원 처리 샘플", $"""
            <h1>민원 처리 샘플</h1>
            <p>{E(user.Name ?? "(이름 없음)")}님, 행정포털 통합 로그인으로 접속했습니다.</p>
            <dl>
              <dt>이름</dt><dd>{E(user.Name ?? "(없음)")}</dd>
              <dt>사용자 ID</dt><dd>{E(user.PreferredUsername ?? "(없음)")}</dd>
              <dt>부서</dt><dd>{E(user.Department ?? "(없음)")}</dd>
              <dt>그룹</dt>{groups}
            </dl>
            <section id="approvals" aria-labelledby="approvals-title">
              <h2 id="approvals-title">결재 대기</h2>
              <p id="approvals-count">결재 대기 문서 {waiting}건</p>
              <form method="post" action="/approve">
                <input type="hidden" name="{E(antiforgeryField)}" value="{E(antiforgeryToken)}">
                <button type="submit"{(waiting == 0 ? " disabled" : "")}>결재 처리</button>
              </form>
              <p>처리하면 행정포털 홈의 할 일 건수도 바뀝니다.</p>
            </section>
            <form method="post" action="/signout">
              <input type="hidden" name="{E(antiforgeryField)}" value="{E(antiforgeryToken)}">
              <button type="submit">로그아웃</button>
            </form>
            """);
    }

    public static string SignedOut() => Layout("로그아웃", """
        <h1>로그아웃되었습니다</h1>
        <p>로그아웃되었습니다. <a href="/">다시 로그인</a></p>
        """);

    public static string IdentityProviderUnavailable() => Layout("로그인 서비스 일시 중단", """
        <h1>로그인 서비스에 연결할 수 없습니다</h1>
        <p>행정포털 통합 로그인 서비스에 연결하지 못했습니다(identity provider unavailable). 잠시 후 <a href="/">다시 시도</a>하세요.</p>
        """);

    public static string SignInFailed() => Layout("로그인 실패", """
        <h1>로그인을 완료하지 못했습니다</h1>
        <p><a href="/">처음부터 다시 로그인</a>하세요. 문제가 계속되면 정보화담당관실에 문의하세요.</p>
        """);

    public static string BadRequest() => Layout("잘못된 요청", """
        <h1>잘못된 요청입니다</h1>
        <p>페이지를 새로 고친 뒤 다시 시도하세요. <a href="/">처음으로</a></p>
        """);

    public static async Task WriteAsync(HttpResponse response, int statusCode, string html)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(html, Encoding.UTF8);
    }

    private static string E(string value) => Encoder.Encode(value);

    private static string Layout(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="ko">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)}</title>
        </head>
        <body>
        <main>
        {body}
        </main>
        </body>
        </html>
        """;
}
