using System.Text;
using GatewayPortal.Boards;
using GatewayPortal.Boards.Attachments;
using GatewayPortal.Boards.Departments;
using GatewayPortal.Boards.Posts;
using GatewayPortal.Boards.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Data;

/// <summary>
/// Creates the organisation-wide board when missing and, for the demo, the 보안/인사발령/행사 boards and a handful of notices.
/// Idempotent: a board or notice (same title on the same board) that exists is left alone. Department boards come from the
/// org chart through <see cref="IBoardAdmin.SyncDepartmentsAsync"/>, wired by the host to its org-chart cache.
/// </summary>
internal sealed partial class BoardSeeder(
    IServiceScopeFactory scopeFactory,
    IOptions<BoardSeedOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<BoardSeeder> logger) : IHostedService
{
    private static readonly BoardDefinition[] DemoBoards =
    [
        new("security", "보안", "Security", "정보보안 지침과 점검 안내", [], ["portal-admins"], ["portal-admins"]),
        new("personnel", "인사발령", "Personnel", "인사발령과 인사 관련 공지", [], ["role-hr"], ["role-hr"]),
        new("events", "행사", "Events", "시청 행사와 교육 일정", [], ["staff-hq"], ["portal-admins"]),
    ];

    private static readonly BoardSeedNotice[] DemoNotices =
    [
        new(BoardAdmin.OrganisationKey, "2027년 시무식 개최 안내", "안내",
            "2027년 시무식을 다음과 같이 개최합니다.\n\n- **일시**: 2027. 1. 2.(금) 09:30\n- **장소**: 본청 대회의실\n- **대상**: 본청 전 직원\n\n부서별로 참석 인원을 취합하여 12. 24.까지 총무과로 알려 주시기 바랍니다.",
            PinnedDays: 14, AttachmentName: "2027_시무식_계획.txt"),
        new(BoardAdmin.OrganisationKey, "연말 청사 출입 통제 안내", "안내",
            "12. 31.(목) 18:00부터 1. 1.(금) 24:00까지 청사 출입이 통제됩니다. 근무가 필요한 직원은 사전에 당직실에 신청해 주십시오."),
        new("security", "개인정보 보호 집중 점검 기간 운영 (12. 14. ~ 12. 24.)", "점검",
            "연말 개인정보 보호 집중 점검을 실시합니다.\n\n1. PC 내 개인정보 파일 암호화 여부\n2. 화면 보호기(10분) 설정\n3. 공용 폴더 접근 권한 정비\n\n자가 점검표를 작성하여 부서 보안담당자에게 제출해 주십시오."),
        new("security", "출처가 불분명한 메일 열람 주의", "긴급",
            "최근 '연말정산 자료 제출' 등을 사칭한 악성 메일이 유포되고 있습니다. 첨부파일(.hwp, .zip)을 열기 전에 발신자를 꼭 확인하시고, 의심 메일은 정보보안팀으로 신고해 주십시오."),
        new("personnel", "2027년 상반기 정기 인사발령 예고", "인사",
            "2027년 상반기 정기 인사는 1. 5.자로 시행될 예정입니다. 전보 희망서는 12. 18.까지 인사 시스템에서 제출해 주시기 바랍니다."),
        new("events", "직원 역량 강화 교육: 생성형 AI 업무 활용", "교육",
            "- **일시**: 12. 16.(수) 14:00 ~ 16:00\n- **장소**: 시민청 워크숍룸\n- **신청**: 교육 시스템에서 12. 11.까지\n\n노트북을 지참해 주시기 바랍니다."),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var admin = scope.ServiceProvider.GetRequiredService<IBoardAdmin>();
            await admin.EnsureOrganisationBoardAsync(options.Value.OrganisationPosters, cancellationToken);
            if (options.Value.Enabled ?? environment.IsDevelopment())
            {
                var created = await SeedDemoAsync(scope.ServiceProvider, cancellationToken);
                LogSeeded(logger, created);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The portal must start without its demo notices (the directory may be down): the next start tries again.
            LogFailed(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the missing demo boards and notices; returns how many notices were created.</summary>
    internal async Task<int> SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<IBoardsDbContext>();
        var admin = services.GetRequiredService<IBoardAdmin>();
        var writer = services.GetRequiredService<INoticeWriter>();
        foreach (var board in DemoBoards)
        {
            if (!await db.Boards.AnyAsync(b => b.Key == board.Key, cancellationToken))
            {
                var result = await admin.SaveCustomAsync(board, create: true, cancellationToken);
                if (!result.Succeeded)
                {
                    LogBoardRefused(logger, board.Key, string.Join(", ", result.Errors.Select(e => e.Code + " " + e.Subject)));
                }
            }
        }

        var seeder = new BoardViewer("portal-demo-seed", "행정지원과", "행정국 총무과", [], IsAdministrator: true);
        var now = time.GetUtcNow().UtcDateTime;
        var created = 0;
        foreach (var notice in DemoNotices)
        {
            var boardId = await db.Boards.Where(b => b.Key == notice.Board).Select(b => (long?)b.Id).FirstOrDefaultAsync(cancellationToken);
            if (boardId is null || await db.BoardPosts.AnyAsync(p => p.BoardId == boardId && p.Title == notice.Title, cancellationToken))
            {
                continue;
            }

            IReadOnlyList<NoticeUpload> files = notice.AttachmentName is { } name
                ? [new NoticeUpload(name, Encoding.UTF8.GetBytes(notice.Title + "\n\n" + notice.Body.Replace("**", "", StringComparison.Ordinal) + "\n"))]
                : [];
            var draft = new NoticeDraft(notice.Title, notice.Body, notice.Category, notice.PinnedDays > 0 ? now.AddDays(notice.PinnedDays) : null, null, null, [], files, []);
            if (await writer.CreateAsync(notice.Board, draft, seeder, cancellationToken) is NoticeSaveResult.Saved)
            {
                created++;
            }
        }

        return created;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Created} demo notices.")]
    private static partial void LogSeeded(ILogger logger, int created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo board {Key} was not created: {Errors}.")]
    private static partial void LogBoardRefused(ILogger logger, string key, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeding the notice boards failed; the next start tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
