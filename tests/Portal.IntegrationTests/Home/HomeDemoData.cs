using GatewayPortal.Boards;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.Home;

/// <summary>A morning's worth of counters, notices and wiki changes for the demo catalogue (tests and bench/HomeBench).</summary>
public static class HomeDemoData
{
    /// <summary>Systems every staff member may use (staff-all or no groups), with a counter each.</summary>
    public static readonly (string ClientId, string Key, string LabelKo, string LabelEn, long Value, string Path)[] CounterSpecs =
    [
        ("doc-meeting-rooms", "approvals", "예약 승인 대기", "Bookings to approve", 3, "/bookings?state=waiting"),
        ("finance-card", "receipts", "증빙 미제출", "Receipts missing", 5, "/receipts?missing=1"),
        ("finance-card", "returned", "반려", "Returned", 1, "/returned"),
        ("gis-3d", "reviews", "검토 요청", "Reviews", 2, "/reviews"),
    ];

    /// <summary>The counters, resolved against the catalogue's ids; <paramref name="count"/> repeats the specs over launchable systems.</summary>
    public static async Task<IReadOnlyList<WorkCounter>> CountersAsync(IServiceProvider services, int count = 0)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationsDbContext>();
        var apps = await db.Applications.AsNoTracking().Where(a => a.LaunchUrl != null && a.Status != ApplicationStatus.Retired)
            .OrderBy(a => a.Id).ToListAsync();
        var byClient = apps.ToDictionary(a => a.ClientId, StringComparer.Ordinal);
        var counters = CounterSpecs.Where(s => byClient.ContainsKey(s.ClientId)).Select(s =>
        {
            var app = byClient[s.ClientId];
            return new WorkCounter(app.Id, app.ClientId, s.Key, s.LabelKo, s.LabelEn, s.Value, app.LaunchUrl!.TrimEnd('/') + s.Path, DateTimeOffset.UtcNow);
        }).ToList();
        foreach (var app in apps.Where(a => a.AllowedGroups.Count == 0 || a.AllowedGroups.Contains("staff-all")))
        {
            if (counters.Count >= count)
            {
                break;
            }

            counters.Add(new WorkCounter(app.Id, app.ClientId, "waiting", "처리 대기", "Waiting", 1 + (app.Id % 9), app.LaunchUrl, DateTimeOffset.UtcNow));
        }

        return counters;
    }

    /// <summary>Notices as the boards would list them: two pinned, then the newest; some unread.</summary>
    public static IReadOnlyList<NoticeHeadline> Notices(int count = 8)
    {
        string[] titles =
        [
            "연말 개인정보 보호 실태 점검 안내 (12월 14일까지)", "2027년 상반기 정기 인사발령 예정 알림", "12월 당직 근무표 및 비상연락망",
            "청사 주차장 도색 공사에 따른 주차 제한 (12월 9일~11일)", "전자결재 시스템 개선 사항 안내", "직원 건강검진 미수검자 수검 독려",
            "2026년 시정 업무 유공 표창 추천", "행정망 보안 업데이트 적용 일정", "신규 임용자 직무교육 신청 안내", "구내식당 12월 식단표",
        ];
        var now = DateTimeOffset.UtcNow;
        return
        [
            .. Enumerable.Range(0, count).Select(i => new NoticeHeadline(
                1000 - i, i % 3 == 1 ? "hr" : "all", i % 3 == 1 ? "인사발령" : "전체 공지", titles[i % titles.Length], null,
                now.AddHours(-7 * i), i < 2, i is 1 or 2 or 4, i % 4 == 0 ? 1 : 0)),
        ];
    }

    /// <summary>Wiki changes by colleagues on pages the person watches.</summary>
    public static IReadOnlyList<RecentChange> WikiChanges()
    {
        var now = DateTimeOffset.UtcNow;
        return
        [
            new(new WikiTitle("", "복무 규정"), new WikiRevisionInfo(120, 7, 118, "s-lee", "이지영", now.AddMinutes(-40), "연가 일수 갱신", false, 5200, 140)),
            new(new WikiTitle("", "회의실 예약 안내"), new WikiRevisionInfo(119, 9, 101, "s-park", "박지훈", now.AddHours(-5), "3층 회의실 추가", false, 2100, 80)),
            new(new WikiTitle("", "정보보안 체크리스트"), new WikiRevisionInfo(117, 12, null, "s-choi", "최유나", now.AddDays(-1), "새 문서", false, 3300, 3300)),
        ];
    }
}
