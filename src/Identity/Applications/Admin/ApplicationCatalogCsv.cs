using System.Globalization;
using System.Text;

namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>
/// The registry as CSV (RFC 4180): a header row of catalogue field names, one row per application, list fields joined
/// with <c>;</c>. Secrets are never written.
/// </summary>
public static class ApplicationCatalogCsv
{
    /// <summary>The columns, in the order written.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "clientId", "nameKo", "nameEn", "descriptionKo", "descriptionEn", "category", "icon", "launchUrl",
        "redirectUris", "postLogoutRedirectUris", "backChannelLogoutUri", "frontChannelLogoutUri", "allowedGroups",
        "ownerDepartment", "ownerContact", "status", "maintenanceMessageKo", "maintenanceMessageEn", "maintenanceEndsUtc",
        "clientType",
        "grantTypes", "scopes", "idTokenSignedResponseAlg", "encryptAccessTokens",
    ];

    /// <summary>Writes <paramref name="entries"/> as CSV with CRLF line ends.</summary>
    public static string Write(IEnumerable<ApplicationSeedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        AppendRow(text, Columns);
        foreach (var e in entries)
        {
            AppendRow(text,
            [
                e.ClientId, e.NameKo, e.NameEn, e.DescriptionKo, e.DescriptionEn, e.Category, e.Icon, e.LaunchUrl ?? "",
                Join(e.RedirectUris), Join(e.PostLogoutRedirectUris), e.BackChannelLogoutUri ?? "", e.FrontChannelLogoutUri ?? "",
                Join(e.AllowedGroups), e.OwnerDepartment, e.OwnerContact, e.Status, e.MaintenanceMessageKo ?? "",
                e.MaintenanceMessageEn ?? "", FormatTime(e.MaintenanceEndsUtc), e.ClientType, Join(e.GrantTypes), Join(e.Scopes),
                e.IdTokenSignedResponseAlg ?? "", e.EncryptAccessTokens switch { true => "true", false => "false", null => "" },
            ]);
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads CSV into entries, each with the line its row starts on. Problems with the file's structure (header,
    /// quoting, column count) are returned as errors; field values are not validated here.
    /// </summary>
    public static (IReadOnlyList<(int Line, ApplicationSeedEntry Entry)> Rows, IReadOnlyList<ApplicationImportError> Errors) Read(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var rows = new List<(int, ApplicationSeedEntry)>();
        var errors = new List<ApplicationImportError>();
        var records = CsvReader.Parse(csv.TrimStart('\uFEFF'), errors);
        if (records.Count == 0)
        {
            errors.Add(new(1, null, null, new("", "the file is empty; the first line must name the columns.")));
            return (rows, errors);
        }

        var header = records[0].Fields;
        var unknown = header.Where(h => !Columns.Contains(h, StringComparer.Ordinal)).ToList();
        var duplicates = header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (unknown.Count > 0 || duplicates.Count > 0 || !header.Contains("clientId", StringComparer.Ordinal))
        {
            var problem = unknown.Count > 0 ? $"unknown columns {string.Join(", ", unknown)}; the columns are {string.Join(", ", Columns)}."
                : duplicates.Count > 0 ? $"columns named twice: {string.Join(", ", duplicates)}."
                : "the header must name a clientId column.";
            errors.Add(new(records[0].Line, null, null, new("", problem)));
            return (rows, errors);
        }

        foreach (var record in records.Skip(1))
        {
            if (record.Fields is [""])
            {
                continue;
            }

            if (record.Fields.Count != header.Count)
            {
                errors.Add(new(record.Line, null, null, new("", $"has {record.Fields.Count} fields; the header has {header.Count}.")));
                continue;
            }

            var values = header.Zip(record.Fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            if (!TryParseTime(values.GetValueOrDefault("maintenanceEndsUtc", ""), out var ends))
            {
                errors.Add(new(record.Line, null, null, new("maintenanceEndsUtc", "is not a date and time such as 2026-12-01T15:00:00Z.")));
                continue;
            }

            if (!TryParseFlag(values.GetValueOrDefault("encryptAccessTokens", ""), out var encrypt))
            {
                errors.Add(new(record.Line, null, null, new("encryptAccessTokens", "must be true or false (empty: false for a new system, unchanged for an existing one).")));
                continue;
            }

            rows.Add((record.Line, ToEntry(values) with { MaintenanceEndsUtc = ends, EncryptAccessTokens = encrypt }));
        }

        return (rows, errors);
    }

    private static ApplicationSeedEntry ToEntry(Dictionary<string, string> v)
    {
        string Text(string column) => RestoreFormula(v.GetValueOrDefault(column, ""));
        string? Optional(string column) => Text(column) is { Length: > 0 } value ? value : null;
        IReadOnlyList<string> List(string column, IReadOnlyList<string> fallback) =>
            v.ContainsKey(column) ? Split(Text(column)) : fallback;

        return new ApplicationSeedEntry
        {
            ClientId = Text("clientId"),
            NameKo = Text("nameKo"),
            NameEn = Text("nameEn"),
            DescriptionKo = Text("descriptionKo"),
            DescriptionEn = Text("descriptionEn"),
            Category = Text("category"),
            Icon = Text("icon"),
            LaunchUrl = Optional("launchUrl"),
            RedirectUris = List("redirectUris", []),
            PostLogoutRedirectUris = List("postLogoutRedirectUris", []),
            BackChannelLogoutUri = Optional("backChannelLogoutUri"),
            FrontChannelLogoutUri = Optional("frontChannelLogoutUri"),
            AllowedGroups = List("allowedGroups", []),
            OwnerDepartment = Text("ownerDepartment"),
            OwnerContact = Text("ownerContact"),
            Status = Optional("status") ?? ApplicationCatalogNames.Of(ApplicationStatus.Active),
            MaintenanceMessageKo = Optional("maintenanceMessageKo"),
            MaintenanceMessageEn = Optional("maintenanceMessageEn"),
            ClientType = Optional("clientType") ?? ApplicationCatalogNames.Of(ApplicationClientType.Confidential),
            GrantTypes = List("grantTypes", ApplicationSeedEntry.DefaultGrantTypes),
            Scopes = List("scopes", ApplicationSeedEntry.DefaultScopes),
            IdTokenSignedResponseAlg = Optional("idTokenSignedResponseAlg"),
        };
    }

    private static string Join(IEnumerable<string> values) => string.Join(';', values);

    private static string FormatTime(DateTimeOffset? value) =>
        value is { } time ? time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    private static bool TryParseFlag(string text, out bool? value)
    {
        value = text.Trim() switch { "true" => true, "false" => false, _ => null };
        return value is not null || text.Trim().Length == 0;
    }

    private static bool TryParseTime(string text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    // A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection): an
    // apostrophe in front makes it text there, and reading the file back removes it again.
    private const string FormulaStarts = "=+-@\t\r";

    private static string NeutraliseFormula(string field) =>
        field.Length > 0 && FormulaStarts.Contains(field[0], StringComparison.Ordinal) ? "'" + field : field;

    private static string RestoreFormula(string field) =>
        field.Length > 1 && field[0] == '\'' && FormulaStarts.Contains(field[1], StringComparison.Ordinal) ? field[1..] : field;

    private static string[] Split(string value) =>
        value.Length == 0 ? [] : value.Split(';');

    private static void AppendRow(StringBuilder text, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var raw in fields)
        {
            var field = NeutraliseFormula(raw);
            text.Append(first ? "" : ",");
            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]))))
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }

        text.Append("\r\n");
    }
}
