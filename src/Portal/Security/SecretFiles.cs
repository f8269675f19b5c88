using System.Text;

namespace GatewayPortal.Portal.Security;

/// <summary>
/// Settings whose values live in files, so that secrets need not sit in environment variables or env files:
/// <list type="bullet">
/// <item><c>X:FILE</c> or <c>Section:X_FILE</c> (environment <c>X__FILE</c>, e.g. <c>Database__ConnectionString__FILE=/run/secrets/db</c>): the
/// file's content, without its trailing newline, becomes the value of <c>X</c>.</item>
/// <item>systemd credentials (<c>LoadCredential=Directory__ServiceBindPassword:/etc/…</c>): every file in
/// <c>$CREDENTIALS_DIRECTORY</c> is the value of the setting it is named after (<c>__</c> or <c>:</c> between sections).</item>
/// </list>
/// Added right after the builder, so every later reader sees the values. A file that is missing, unreadable, empty or
/// larger than <see cref="MaxBytes"/>, or a setting given both directly and from a file with different values, stops the
/// start with a message naming the setting and the path, never the value.
/// </summary>
public static class SecretFiles
{
    /// <summary>The largest secret file read (a PEM bundle fits, a mistaken log file does not).</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The environment variable systemd sets to the folder of a unit's credentials.</summary>
    public const string CredentialsDirectoryVariable = "CREDENTIALS_DIRECTORY";

    /// <summary>
    /// Adds the file settings to <paramref name="configuration"/>; on a bad file writes the reason to
    /// <paramref name="error"/> and returns false (the caller ends the process with exit code 1).
    /// </summary>
    public static bool TryAdd(IConfigurationBuilder configuration, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            configuration.Add(new SecretFilesSource(Environment.GetEnvironmentVariable(CredentialsDirectoryVariable)));
            return true;
        }
        catch (SecretFileException ex)
        {
            error.WriteLine(ex.Message);
            return false;
        }
    }

    /// <summary>The settings <paramref name="configuration"/>'s <c>…_FILE</c> keys and the credentials folder give.</summary>
    /// <exception cref="SecretFileException">A file could not be used; the message names the setting and the path.</exception>
    public static Dictionary<string, string?> Read(IConfiguration configuration, string? credentialsDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var sources = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, path) in configuration.AsEnumerable())
        {
            var target = TargetOf(key);
            if (target is null || string.IsNullOrEmpty(path))
            {
                continue;
            }

            Put(configuration, values, sources, target, key, path, ReadFile(key, path));
        }

        if (!string.IsNullOrEmpty(credentialsDirectory))
        {
            if (!Directory.Exists(credentialsDirectory))
            {
                throw new SecretFileException($"{CredentialsDirectoryVariable} '{credentialsDirectory}' is not a folder.");
            }

            foreach (var file in Directory.EnumerateFiles(credentialsDirectory).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name.StartsWith('.'))
                {
                    continue;
                }

                var target = name.Replace("__", ":", StringComparison.Ordinal);
                var label = $"{CredentialsDirectoryVariable}/{name}";
                Put(configuration, values, sources, target, label, file, ReadFile(target, file));
            }
        }

        return values;
    }

    /// <summary>
    /// The setting an <c>X:FILE</c> (environment <c>X__FILE</c>) or <c>Section:X_FILE</c> key names, or null. A plain
    /// <c>NAME_FILE</c> without a section is another program's environment variable (SSL_CERT_FILE, …), not a setting.
    /// </summary>
    internal static string? TargetOf(string key)
    {
        // Upper case only: an ordinary setting that happens to end in "File" (Applications:Seed:File) is not one.
        if (key.Length > 5 && key.EndsWith(":FILE", StringComparison.Ordinal))
        {
            return key[..^5];
        }

        if (key.Length > 5 && key.EndsWith("_FILE", StringComparison.Ordinal) && key.AsSpan(0, key.Length - 5).Contains(':'))
        {
            return key[..^5];
        }

        return null;
    }

    private static void Put(IConfiguration configuration, Dictionary<string, string?> values, Dictionary<string, string> sources, string target, string from, string path, string value)
    {
        var direct = DirectValue(configuration, target);
        if (direct is not null && !string.Equals(direct, value, StringComparison.Ordinal))
        {
            throw new SecretFileException($"{target} is set directly and also read from {from} ('{path}') with a different value: keep one of them.");
        }

        if (values.TryGetValue(target, out var earlier) && !string.Equals(earlier, value, StringComparison.Ordinal))
        {
            throw new SecretFileException($"{target} is read from both {sources[target]} and {from} ('{path}') with different values: keep one of them.");
        }

        values[target] = value;
        sources[target] = from;
    }

    /// <summary>
    /// The value the operator gave directly (environment, command line, another source), not the defaults in
    /// appsettings*.json: those are what a file is meant to replace (appsettings.json has a development connection string).
    /// </summary>
    private static string? DirectValue(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return configuration[key];
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (provider is FileConfigurationProvider or SecretFilesProvider)
            {
                continue;
            }

            if (provider.TryGet(key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static string ReadFile(string key, string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new SecretFileException(Directory.Exists(path)
                    ? $"{key}: '{path}' is a folder, not a file."
                    : $"{key}: the file '{path}' does not exist.");
            }

            if (info.Length > MaxBytes)
            {
                throw new SecretFileException($"{key}: the file '{path}' is {info.Length} bytes, more than the {MaxBytes} a secret may have (is it the right file?).");
            }

            var bytes = File.ReadAllBytes(path);
            var text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF').TrimEnd('\r', '\n');
            if (text.Length == 0)
            {
                throw new SecretFileException($"{key}: the file '{path}' is empty.");
            }

            return text;
        }
        catch (UnauthorizedAccessException)
        {
            throw new SecretFileException($"{key}: the file '{path}' cannot be read by this user (check its owner and mode).");
        }
        catch (IOException ex)
        {
            throw new SecretFileException($"{key}: the file '{path}' cannot be read ({ex.GetType().Name}).");
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new SecretFileException($"{key}: the file '{path}' is not UTF-8 text.");
        }
    }

    private sealed class SecretFilesSource(string? credentialsDirectory) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder)
        {
            // The host's ConfigurationManager is both builder and configuration: read the sources added before this one.
            if (builder is IConfiguration configuration)
            {
                return new SecretFilesProvider(configuration, credentialsDirectory);
            }

            var others = new ConfigurationBuilder();
            foreach (var source in builder.Sources.Where(s => !ReferenceEquals(s, this)))
            {
                others.Add(source);
            }

            return new SecretFilesProvider(others.Build(), credentialsDirectory);
        }
    }

    private sealed class SecretFilesProvider(IConfiguration configuration, string? credentialsDirectory) : ConfigurationProvider
    {
        public override void Load()
        {
            // Cleared first: on a reload the other providers' values are compared, not this provider's own.
            Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            Data = Read(configuration, credentialsDirectory);
        }
    }
}

/// <summary>A secret file that could not be used; the message names the setting and the path, never the value.</summary>
public sealed class SecretFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SecretFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SecretFileException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SecretFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
