using System.Text.RegularExpressions;
using GatewayPortal.Boards.Access;
using GatewayPortal.Boards.Posts;
using GatewayPortal.Boards.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Boards.Departments;

/// <inheritdoc cref="IBoardAdmin"/>
public sealed partial class BoardAdmin(IBoardsDbContext db, IBoardGroupDirectory directory, TimeProvider time) : IBoardAdmin
{
    /// <summary>The organisation-wide board's key.</summary>
    public const string OrganisationKey = "all";

    /// <summary>Most groups per role on a board.</summary>
    public const int MaxGroups = 20;

    /// <inheritdoc/>
    public async Task EnsureOrganisationBoardAsync(IReadOnlyList<string> posterGroups, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(posterGroups);
        if (await db.Boards.AnyAsync(b => b.Key == OrganisationKey, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var board = new Board { Key = OrganisationKey, NameKo = "전체 공지", NameEn = "Organisation notices", Kind = BoardKind.Organisation, CreatedAt = now, UpdatedAt = now };
        db.Boards.Add(board);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.BoardGroups.AddRange(posterGroups.Select(BoardAccess.NormaliseGroup).Distinct(StringComparer.Ordinal)
            .Select(g => new BoardGroup { BoardId = board.Id, Role = BoardGroupRole.Poster, Group = g }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    /// <summary>How many new department boards one transaction of a sync creates.</summary>
    public const int SyncChunkSize = 200;

    /// <inheritdoc/>
    public async Task<DepartmentSyncResult> SyncDepartmentsAsync(IReadOnlyCollection<DepartmentEntry> departments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var now = time.GetUtcNow().UtcDateTime;
        var wanted = new Dictionary<string, DepartmentEntry>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var department in departments)
        {
            if (DepartmentBoards.KeyOf(department.Code) is { } key && !string.IsNullOrWhiteSpace(department.Name))
            {
                wanted[key] = department;
            }
            else
            {
                skipped++;
            }
        }

        var existing = await db.Boards.Where(b => b.Kind == BoardKind.Department).ToDictionaryAsync(b => b.Key, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        int created = 0, renamed = 0, archived = 0, restored = 0;
        var added = new List<(Board Board, string Group)>();
        foreach (var (key, department) in wanted)
        {
            var name = Bounded(department.Name.Trim());
            if (!existing.TryGetValue(key, out var board))
            {
                board = new Board
                {
                    Key = key,
                    NameKo = name,
                    NameEn = name,
                    Kind = BoardKind.Department,
                    DepartmentCode = department.Code.Trim(),
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                added.Add((board, DepartmentBoards.GroupOf(department.Code)));
                created++;
                continue;
            }

            if (board.NameKo != name)
            {
                board.NameKo = name;
                board.NameEn = name;
                board.UpdatedAt = now;
                renamed++;
            }

            if (board.IsArchived)
            {
                board.IsArchived = false;
                board.UpdatedAt = now;
                restored++;
            }
        }

        foreach (var board in existing.Values.Where(b => !b.IsArchived && !wanted.ContainsKey(b.Key)))
        {
            board.IsArchived = true;
            board.UpdatedAt = now;
            archived++;
        }

        // Renames, archives and restores: one short save. New boards in chunks, each board with its poster group in one short
        // transaction, so a first sync of thousands of departments never holds the database's write lock for long.
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in added.Chunk(SyncChunkSize))
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionDisposal = transaction.ConfigureAwait(false);
            db.Boards.AddRange(chunk.Select(a => a.Board));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.BoardGroups.AddRange(chunk.Select(a => new BoardGroup { BoardId = a.Board.Id, Role = BoardGroupRole.Poster, Group = a.Group }));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        db.ChangeTracker.Clear();
        return new DepartmentSyncResult(created, renamed, archived, restored, skipped);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BoardView>> ListAllAsync(BoardViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var boards = await db.Boards.AsNoTracking().Where(b => b.Kind != BoardKind.Department).OrderBy(b => b.Kind).ThenBy(b => b.Key)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = boards.Select(b => b.Id).ToArray();
        var groups = (await db.BoardGroups.AsNoTracking().Where(g => ids.Contains(g.BoardId)).ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(g => g.BoardId);
        return [.. boards.Select(b => BoardQueries.ViewOf(b, BoardQueries.RulesOf(groups[b.Id]), viewer))];
    }

    /// <inheritdoc/>
    public async Task<BoardSaveResult> SaveCustomAsync(BoardDefinition definition, bool create, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<BoardFieldError>();
        var key = definition.Key.Trim().ToLowerInvariant();
        if (!KeyPattern().IsMatch(key))
        {
            errors.Add(new("Key", "InvalidKey"));
        }
        else if (create && (key == OrganisationKey || key.StartsWith("dept-", StringComparison.Ordinal) || key is "attachments" or "new"))
        {
            errors.Add(new("Key", "KeyReserved"));
        }

        CheckName(errors, "NameKo", definition.NameKo);
        CheckName(errors, "NameEn", definition.NameEn);
        var roles = new (string Field, BoardGroupRole Role, IReadOnlyList<string> Groups)[]
        {
            ("Readers", BoardGroupRole.Reader, definition.Readers), ("Posters", BoardGroupRole.Poster, definition.Posters), ("Managers", BoardGroupRole.Manager, definition.Managers),
        };
        var rows = new List<(BoardGroupRole Role, string Group)>();
        foreach (var (field, role, groups) in roles)
        {
            var normalised = groups.Select(BoardAccess.NormaliseGroup).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (normalised.Count > MaxGroups || normalised.Any(g => g.Length > BoardsModelBuilderExtensions.MaxGroupLength))
            {
                errors.Add(new(field, "TooManyGroups"));
                continue;
            }

            rows.AddRange(normalised.Select(g => (role, g)));
        }

        if (errors.Count == 0)
        {
            try
            {
                foreach (var group in rows.Select(r => r.Group).Distinct(StringComparer.Ordinal))
                {
                    if (!await directory.ExistsAsync(group, cancellationToken).ConfigureAwait(false))
                    {
                        errors.AddRange(roles.Where(r => r.Groups.Any(g => BoardAccess.NormaliseGroup(g) == group)).Select(r => new BoardFieldError(r.Field, "UnknownGroup", group)));
                    }
                }
            }
            catch (BoardDirectoryUnavailableException)
            {
                errors.Add(new("Readers", "DirectoryUnavailable"));
            }
        }

        if (errors.Count > 0)
        {
            return new BoardSaveResult(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var board = await db.Boards.FirstOrDefaultAsync(b => b.Key == key, cancellationToken).ConfigureAwait(false);
        if (create == (board is not null))
        {
            return new BoardSaveResult([new("Key", create ? "KeyTaken" : "NotFound")]);
        }

        if (board is { Kind: BoardKind.Department })
        {
            return new BoardSaveResult([new("Key", "NotCustom")]);
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        board ??= db.Boards.Add(new Board { Key = key, NameKo = "", NameEn = "", Kind = BoardKind.Custom, CreatedAt = now }).Entity;
        board.NameKo = definition.NameKo.Trim();
        board.NameEn = definition.NameEn.Trim();
        board.Description = string.IsNullOrWhiteSpace(definition.Description) ? null : definition.Description.Trim();
        board.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await db.BoardGroups.Where(g => g.BoardId == board.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.BoardGroups.AddRange(rows.Select(r => new BoardGroup { BoardId = board.Id, Role = r.Role, Group = r.Group }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return new BoardSaveResult([]);
    }

    private static void CheckName(List<BoardFieldError> errors, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "NameRequired"));
        }
        else if (value.Trim().Length > BoardsModelBuilderExtensions.MaxNameLength)
        {
            errors.Add(new(field, "NameTooLong"));
        }
    }

    private static string Bounded(string name) => name.Length <= BoardsModelBuilderExtensions.MaxNameLength ? name : name[..BoardsModelBuilderExtensions.MaxNameLength];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
