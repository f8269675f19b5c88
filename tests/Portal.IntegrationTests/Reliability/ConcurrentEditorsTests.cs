using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Reliability;

/// <summary>A host of its own (SQLite, the default mode) for the editors.</summary>
public sealed class EditorsPortal(SlapdFixture directory) : PortalApplicationFactory(directory);

/// <summary>
/// Issue #7 (5): many people editing one page at once. Each editor owns one line of the page and, in a loop, opens
/// the editor, writes a new marker on its line and saves (the marker is also the edit summary); every
/// <see cref="ContestEvery"/>th save also rewrites one line that all editors share, so some saves collide. Whatever
/// the portal answers must keep every word: an acknowledged save (saved or merged) is exactly one revision that
/// carries its marker and changes nothing but its author's lines; a refused save (409) hands the author's text back
/// in the form and leaves no revision; nothing else may happen.
/// </summary>
public sealed class ConcurrentEditorsTests(EditorsPortal portal) : IClassFixture<EditorsPortal>
{
    /// <summary>How many people edit at once.</summary>
    public const int Editors = 50;

    /// <summary>Every how many saves an editor also rewrites the shared line.</summary>
    public const int ContestEvery = 4;

    /// <summary>How long they keep editing (issue #7: 60 s).</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    private const string Title = "동시 편집 시험";
    private const string Heading = "# 동시 편집";
    private const string SharedPrefix = "- 공동 줄: ";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Save_FiftyEditorsOnOnePageForAMinute_EveryAcknowledgedSaveIsARevisionAndNoTextIsLost()
    {
        // Arrange: one line per editor, and one they all may touch.
        var people = StaffAccounts.WithoutSecondFactor(portal.Directory.Organization).Take(Editors).ToList();
        var editors = new PortalClient[Editors];
        for (var i = 0; i < Editors; i++)
        {
            editors[i] = await SignInAsync(people[i]);
        }

        var initial = string.Join('\n', [Heading, "", SharedPrefix + "시작", .. Enumerable.Range(0, Editors).Select(i => Line(i, "시작"))]);
        await SaveAsync(editors[0], Title, initial, "시작");
        var saves = new ConcurrentQueue<EditorSave>();
        var stopwatch = Stopwatch.StartNew();

        // Act
        await Task.WhenAll(Enumerable.Range(0, Editors).Select(i => Task.Run(() => EditLoopAsync(editors[i], i, stopwatch, saves))));
        stopwatch.Stop();
        var revisions = await RevisionsAsync();
        var finalLines = (await TextAsync(editors[0], Title)).Split('\n');

        // Assert
        var all = saves.ToList();
        var acknowledged = all.Where(s => s.Outcome is SaveOutcome.Saved or SaveOutcome.Merged).ToDictionary(s => s.Marker, StringComparer.Ordinal);
        var rejected = all.Where(s => s.Outcome == SaveOutcome.Conflict).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Editors} editors for {stopwatch.Elapsed.TotalSeconds:F1} s: {all.Count} saves ({all.Count / stopwatch.Elapsed.TotalSeconds:F1}/s); "
            + $"acknowledged {acknowledged.Count} (saved {all.Count(s => s.Outcome == SaveOutcome.Saved)}, merged {all.Count(s => s.Outcome == SaveOutcome.Merged)}), "
            + $"rejected {rejected.Count} ({rejected.Count(s => s.TextHandedBack)} with the author's text handed back), other {all.Count(s => s.Outcome == SaveOutcome.Other)}; "
            + $"{revisions.Count} revisions"));
        Assert.All(all, s => Assert.True(s.Outcome != SaveOutcome.Other, s.ToString()));
        Assert.All(rejected, s => Assert.True(s.TextHandedBack, s.ToString()));
        Assert.Equal(acknowledged.Count + 1, revisions.Count);
        for (var r = 1; r < revisions.Count; r++)
        {
            // One revision per acknowledged save, in one chain, each changing only its author's lines.
            var revision = revisions[r];
            Assert.True(acknowledged.TryGetValue(Marker(revision.Summary), out var save), $"r{revision.Id} '{revision.Summary}' was never acknowledged");
            Assert.Equal(revisions[r - 1].Id, revision.ParentRevisionId);
            var changed = ChangedLines(revisions[r - 1].Text, revision.Text);
            var own = save.Contested ? new[] { Line(save.Editor, save.Marker), SharedPrefix + save.Marker } : [Line(save.Editor, save.Marker)];
            Assert.True(changed.All(own.Contains) && own.All(changed.Contains), $"r{revision.Id} by {save}: changed [{string.Join(" | ", changed)}]");
        }

        Assert.Equal(acknowledged.Count, revisions.Skip(1).Select(r => Marker(r.Summary)).Distinct(StringComparer.Ordinal).Count());
        for (var i = 0; i < Editors; i++)
        {
            var last = acknowledged.Values.Where(s => s.Editor == i).MaxBy(s => s.Sequence);
            Assert.Contains(Line(i, last?.Marker ?? "시작"), finalLines);
        }
    }

    private static async Task EditLoopAsync(PortalClient editor, int index, Stopwatch clock, ConcurrentQueue<EditorSave> saves)
    {
        for (var sequence = 1; clock.Elapsed < Duration; sequence++)
        {
            var marker = string.Create(CultureInfo.InvariantCulture, $"편집자{index:D2}-{sequence:D4}");
            var contested = sequence % ContestEvery == 0;
            var fields = await OpenEditorAsync(editor, Title);
            var lines = fields["Input.Text"].Split('\n');
            lines[Array.FindIndex(lines, l => l.StartsWith(Prefix(index), StringComparison.Ordinal))] = Line(index, marker);
            if (contested)
            {
                lines[Array.FindIndex(lines, l => l.StartsWith(SharedPrefix, StringComparison.Ordinal))] = SharedPrefix + marker;
            }

            var text = string.Join('\n', lines);
            fields["Input.Text"] = text;
            fields["Input.Summary"] = marker;
            using var response = await PostEditorAsync(editor, Title, fields);
            saves.Enqueue(await ClassifyAsync(response, new EditorSave(index, sequence, marker, contested, SaveOutcome.Other, false, ""), text));
        }
    }

    private static async Task<EditorSave> ClassifyAsync(HttpResponseMessage response, EditorSave save, string text)
    {
        if (PortalClient.RedirectsTo(response, PathOf(Title) + "?notice=saved"))
        {
            return save with { Outcome = SaveOutcome.Saved };
        }

        if (PortalClient.RedirectsTo(response, PathOf(Title) + "?notice=merged"))
        {
            return save with { Outcome = SaveOutcome.Merged };
        }

        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var page = await PortalClient.ParseAsync(response);
            return save with { Outcome = SaveOutcome.Conflict, TextHandedBack = page.QuerySelector("textarea#wiki-text")?.TextContent == text };
        }

        return save with { Detail = $"HTTP {(int)response.StatusCode} {response.Headers.Location}" };
    }

    /// <summary>The lines of <paramref name="after"/> that differ from <paramref name="before"/> (same line count: each line is replaced in place).</summary>
    private static List<string> ChangedLines(string before, string after)
    {
        var (old, now) = (before.Split('\n'), after.Split('\n'));
        Assert.Equal(old.Length, now.Length);
        return [.. now.Where((line, i) => !string.Equals(line, old[i], StringComparison.Ordinal))];
    }

    private async Task<List<WikiRevision>> RevisionsAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IWikiDbContext>();
        var page = await db.WikiPages.SingleAsync(p => p.Title == Title, Cancel);
        return await db.WikiRevisions.AsNoTracking().Where(r => r.PageId == page.Id).OrderBy(r => r.Id).ToListAsync(Cancel);
    }

    private async Task<PortalClient> SignInAsync(Person person)
    {
        var client = portal.CreatePortalClient();
        var response = await client.SignInAsync(person.Uid, person.Password);
        Assert.True(PortalClient.RedirectsTo(response, "/"), $"sign-in of {person.Uid}: {response.StatusCode}");
        return client;
    }

    private static string Prefix(int editor) => string.Create(CultureInfo.InvariantCulture, $"- 편집자 {editor:D2}: ");

    private static string Line(int editor, string marker) => Prefix(editor) + marker;

    /// <summary>The marker an edit summary starts with (a merged save has a suffix).</summary>
    private static string Marker(string summary) => summary.Split(' ')[0];

    private enum SaveOutcome
    {
        Saved,
        Merged,
        Conflict,
        Other,
    }

    private sealed record EditorSave(int Editor, int Sequence, string Marker, bool Contested, SaveOutcome Outcome, bool TextHandedBack, string Detail);
}
