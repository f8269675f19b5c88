using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>
/// Reads and writes <c>portal_work_counters</c>. Writes are one short transaction of batched
/// <c>INSERT … ON CONFLICT … DO UPDATE</c> statements (SQLite and PostgreSQL), prepared before the transaction opens.
/// </summary>
public sealed class WorkCounterStore(IWorkCountersDbContextFactory contexts, TimeProvider time) : IWorkCounterReader
{
    /// <summary>Rows per INSERT statement on PostgreSQL (9 parameters each, well under its limit).</summary>
    internal const int RowsPerStatement = 500;

    /// <summary>
    /// Rows per INSERT statement on SQLite: its driver finds each named parameter by a linear scan of the statement's
    /// names, so binding is quadratic in parameters per statement; small statements, re-bound, are fastest there.
    /// </summary>
    internal static int SqliteRowsPerStatement { get; set; } = 16;

    private static readonly string[] Columns =
    [
        nameof(WorkCounterRow.ApplicationId), nameof(WorkCounterRow.SubjectId), nameof(WorkCounterRow.Key), nameof(WorkCounterRow.LabelKo),
        nameof(WorkCounterRow.LabelEn), nameof(WorkCounterRow.Value), nameof(WorkCounterRow.Url), nameof(WorkCounterRow.UpdatedUtc), nameof(WorkCounterRow.ExpiresUtc),
    ];

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WorkCounter>> GetForSubjectAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        var now = time.GetUtcNow().UtcDateTime;
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var rows = await (
                from c in db.WorkCounters.AsNoTracking()
                join a in db.Applications on c.ApplicationId equals a.Id
                where c.SubjectId == subjectId && c.Value > 0 && c.ExpiresUtc > now
                select new { c.ApplicationId, a.ClientId, c.Key, c.LabelKo, c.LabelEn, c.Value, c.Url, c.UpdatedUtc })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows
            .OrderBy(r => r.ApplicationId).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new WorkCounter(r.ApplicationId, r.ClientId, r.Key, r.LabelKo, r.LabelEn, r.Value, r.Url, new DateTimeOffset(DateTime.SpecifyKind(r.UpdatedUtc, DateTimeKind.Utc))))
            .ToList();
    }

    /// <summary>Inserts or replaces <paramref name="rows"/> (unique by application, subject and key) in one transaction.</summary>
    public async Task UpsertAsync(IReadOnlyList<WorkCounterRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var context = (DbContext)db;
        var perStatement = context.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true ? SqliteRowsPerStatement : RowsPerStatement;
        var sql = UpsertSql(context.Model, perStatement);
        var tailCount = rows.Count % perStatement;
        var tailSql = tailCount == 0 ? null : UpsertSql(context.Model, tailCount);

        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = context.Database.GetDbConnection();

            // Through EF, so the host's transaction interceptors (durations) see it.
            var efTransaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionDisposal = efTransaction.ConfigureAwait(false);
            var transaction = efTransaction.GetDbTransaction();
            DbCommand? full = null;
            try
            {
                for (var start = 0; start < rows.Count; start += perStatement)
                {
                    var count = Math.Min(perStatement, rows.Count - start);
                    if (count == perStatement)
                    {
                        full ??= Command(connection, transaction, sql, perStatement);
                        Bind(full, rows, start, count);
                        await full.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        var tail = Command(connection, transaction, tailSql!, count);
                        await using var tailDisposal = tail.ConfigureAwait(false);
                        Bind(tail, rows, start, count);
                        await tail.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                await efTransaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (full is not null)
                {
                    await full.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Removes the application's counter <paramref name="key"/> for everyone; the number removed.</summary>
    public async Task<int> ClearKeyAsync(int applicationId, string key, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        return await db.WorkCounters.Where(c => c.ApplicationId == applicationId && c.Key == key).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes expired and zero counters; the number deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        return await db.WorkCounters.Where(c => c.ExpiresUtc <= now || c.Value == 0).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static string UpsertSql(IModel model, int rowCount)
    {
        var entity = model.FindEntityType(typeof(WorkCounterRow)) ?? throw new InvalidOperationException("WorkCounterRow is not in the model; call ApplyWorkCountersModel.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var names = Columns.Select(c => Quote(entity.FindProperty(c)!.GetColumnName(table)!)).ToArray();
        var sql = new StringBuilder(200 + (rowCount * 80));
        sql.Append("INSERT INTO ").Append(entity.GetSchema() is { } schema ? Quote(schema) + "." : "").Append(Quote(entity.GetTableName()!))
            .Append(" (").AppendJoin(", ", names).Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < names.Length; c++)
            {
                sql.Append(c == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"@p{(r * names.Length) + c}");
            }

            sql.Append(')');
        }

        sql.Append(" ON CONFLICT (").AppendJoin(", ", names[1], names[0], names[2]).Append(") DO UPDATE SET ")
            .AppendJoin(", ", names.Skip(3).Select(n => $"{n} = excluded.{n}"));
        return sql.ToString();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < rowCount * Columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static void Bind(DbCommand command, IReadOnlyList<WorkCounterRow> rows, int start, int count)
    {
        var p = command.Parameters;
        for (var r = 0; r < count; r++)
        {
            var row = rows[start + r];
            var b = r * Columns.Length;
            p[b].Value = row.ApplicationId;
            p[b + 1].Value = row.SubjectId;
            p[b + 2].Value = row.Key;
            p[b + 3].Value = row.LabelKo;
            p[b + 4].Value = (object?)row.LabelEn ?? DBNull.Value;
            p[b + 5].Value = row.Value;
            p[b + 6].Value = (object?)row.Url ?? DBNull.Value;
            p[b + 7].Value = DateTime.SpecifyKind(row.UpdatedUtc, DateTimeKind.Utc);
            p[b + 8].Value = DateTime.SpecifyKind(row.ExpiresUtc, DateTimeKind.Utc);
        }
    }
}
