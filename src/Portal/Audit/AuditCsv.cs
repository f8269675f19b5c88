using System.Text;

namespace GatewayPortal.Portal.Audit;

/// <summary>
/// CSV for spreadsheet programs: UTF-8 with a byte order mark (so Korean opens correctly), RFC 4180 quoting and
/// CRLF line ends, and cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return)
/// prefixed with an apostrophe.
/// </summary>
public static class AuditCsv
{
    /// <summary>The text encoding of the export (the byte order mark is written by <see cref="WriteAsync"/>).</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>One cell, quoted when needed and guarded against formula injection.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>One line of cells, ended by CRLF.</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    /// <summary>Writes the byte order mark, the header and every row to <paramref name="body"/>, flushing as it goes.</summary>
    public static async Task WriteAsync<T>(Stream body, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Func<T, IEnumerable<string?>> cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cells);
        await body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken).ConfigureAwait(false);
        var writer = new StreamWriter(body, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(Line(header)).ConfigureAwait(false);
            var count = 0;
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(Line(cells(row))).ConfigureAwait(false);
                if (++count % 500 == 0)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
