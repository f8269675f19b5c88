using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GatewayPortal.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The built portal (<c>src/Portal/bin/&lt;configuration&gt;/net10.0/GatewayPortal.Portal.dll</c>) as a real child process on a
/// loopback port, configured through environment variables, as <c>scripts/run.sh</c> and systemd run it. Unlike an in-process
/// host it can be killed with SIGKILL. It is killed on dispose, when the test process exits, and (if the test process itself
/// was killed) by the next <see cref="StartAsync"/> of a later run.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private const int OutputLines = 400;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly string PidsRoot = Path.Combine(Path.GetTempPath(), "gatewayportal-processes");
    private static readonly Lock LiveLock = new();
    private static readonly HashSet<PortalProcess> Live = [];
    private static int _hooked;
    private static int _swept;

    private readonly Dictionary<string, string> _environment;
    private readonly Queue<(long Number, string Line)> _output = new();
    private long _lines;
    private readonly Lock _outputLock = new();
    private Process? _process;
    private string? _pidFile;

    private PortalProcess(string name, int port, Dictionary<string, string> environment)
    {
        Name = name;
        Port = port;
        _environment = environment;
    }

    /// <summary>A short name used in failure messages (e.g. "A").</summary>
    public string Name { get; }

    /// <summary>The loopback port the portal listens on (kept across restarts).</summary>
    public int Port { get; }

    /// <summary>The portal's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the process wrote to stdout and stderr, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return string.Join('\n', _output.Select(l => l.Line));
            }
        }
    }

    /// <summary>Settings every process gets: the run's slapd, loopback http and test-friendly limits.</summary>
    public static Dictionary<string, string?> DefaultSettings(SlapdFixture directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var settings = directory.CreateDirectoryConfiguration();
        settings["SignIn:Cookie:RequireHttps"] = "false";
        settings["SignIn:AdministratorGroups:0"] = "portal-admins";
        settings["SignIn:Mfa:RequiredGroups:0"] = "mfa-required";
        settings["SignIn:Throttling:MaxFailuresPerClient"] = "1000";
        // The demo catalogue (its sample-lob and batch-reporting clients) outside Development: tests only, never Production.
        settings["Applications:Seed:Enabled"] = "true";
        settings["Applications:Seed:AllowDemoSecrets"] = "true";
        settings["Oidc:AllowInsecureHttp"] = "true";
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
        return settings;
    }

    /// <summary>Starts the built portal with <paramref name="settings"/> ("Section:Key" names) and waits until /health/live answers.</summary>
    public static async Task<PortalProcess> StartAsync(string name, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SweepLeftovers();
        HookProcessExit();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (key, value) in settings)
        {
            if (value is not null)
            {
                environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        var portal = new PortalProcess(name, FreePort(), environment);
        try
        {
            await portal.RestartAsync(cancellationToken);
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    /// <summary>How many output lines have been written so far: pass it to <see cref="WaitForOutputAsync"/> to look only at later lines.</summary>
    public long OutputMark
    {
        get
        {
            lock (_outputLock)
            {
                return _lines;
            }
        }
    }

    /// <summary>
    /// Starts the process again (same port, settings, database and index folder) after <see cref="Kill"/> or <see cref="StopAsync"/>,
    /// and waits until /health/live answers unless <paramref name="waitUntilLive"/> is false.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken, bool waitUntilLive = true)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"Portal {Name} is still running.");
        }

        Launch();
        if (waitUntilLive)
        {
            await WaitUntilLiveAsync(cancellationToken);
        }
    }

    /// <summary>SIGKILL: the process ends at once, with no shutdown code run; waits until it is gone.</summary>
    public void Kill()
    {
        if (_process is { } process && !process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Forget();
    }

    /// <summary>SIGTERM and wait for a graceful shutdown (SIGKILL after <paramref name="patience"/>, 30 s by default).</summary>
    public async Task StopAsync(TimeSpan? patience = null)
    {
        if (_process is { } process && !process.HasExited)
        {
            using (var signal = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) } }))
            {
                await signal!.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(patience ?? TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        Forget();
    }

    /// <summary>True when a line written after <paramref name="since"/> (an <see cref="OutputMark"/>) contains <paramref name="text"/>.</summary>
    public bool HasOutput(string text, long since)
    {
        lock (_outputLock)
        {
            return _output.Any(l => l.Number >= since && l.Line.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>Waits (polling every 10 ms) until <see cref="HasOutput"/> holds (true), or the patience ran out (false).</summary>
    public Task<bool> WaitForOutputAsync(string text, long since, TimeSpan patience, CancellationToken cancellationToken) =>
        Eventually.TryUntilAsync(() => Task.FromResult(HasOutput(text, since)), patience, TimeSpan.FromMilliseconds(10));

    /// <summary>A client on this node that keeps cookies and follows no redirects.</summary>
    public PortalClient CreatePortalClient(string clientAddress = "192.0.2.10") =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        }, clientAddress);

    /// <summary>GETs <paramref name="path"/> with nothing but the given Cookie header (a copied session).</summary>
    public async Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public override string ToString() => $"portal {Name} at {BaseAddress} (output follows)\n{Output}";

    private static string PortalDirectory()
    {
        // The tests run from tests/Portal.IntegrationTests/bin/<configuration>/net10.0/: use the portal built in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        return Path.Combine(RepositoryRoot.Path, "src", "Portal", "bin", configuration, "net10.0");
    }

    private void Launch()
    {
        var dll = Path.Combine(PortalDirectory(), "GatewayPortal.Portal.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build src/Portal first.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            // The content root (appsettings.json, DemoData) is the working directory, as in scripts/run.sh.
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "src", "Portal"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_ENVIRONMENT" })
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        Append($"--- start {DateTime.UtcNow:HH:mm:ss.fff} ---");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        lock (LiveLock)
        {
            Live.Add(this);
        }

        Directory.CreateDirectory(PidsRoot);
        _pidFile = Path.Combine(PidsRoot, string.Create(CultureInfo.InvariantCulture, $"{process.Id}.owner"));
        File.WriteAllText(_pidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    }

    private async Task WaitUntilLiveAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var live = await Eventually.TryUntilAsync(
            async () =>
            {
                if (_process is not { HasExited: false })
                {
                    throw new InvalidOperationException($"Portal {Name} exited during start-up.\n{Output}");
                }

                try
                {
                    using var response = await http.GetAsync("health/live", cancellationToken);
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false; // Not listening yet.
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return false; // Busy starting; ask again.
                }
            },
            StartTimeout,
            TimeSpan.FromMilliseconds(100));
        if (!live)
        {
            throw new TimeoutException($"Portal {Name} did not answer /health/live within {StartTimeout.TotalSeconds} s.\n{Output}");
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.Enqueue((_lines++, line));
            while (_output.Count > OutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private void Forget()
    {
        lock (LiveLock)
        {
            Live.Remove(this);
        }

        if (_pidFile is not null)
        {
            File.Delete(_pidFile);
            _pidFile = null;
        }

        _process?.Dispose();
        _process = null;
    }

    private static void HookProcessExit()
    {
        if (Interlocked.Exchange(ref _hooked, 1) != 0)
        {
            return;
        }

        // A test that fails before its dispose, or a run cancelled with Ctrl+C, still leaves no portal behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            PortalProcess[] live;
            lock (LiveLock)
            {
                live = [.. Live];
            }

            foreach (var portal in live)
            {
                try
                {
                    portal.Kill();
                }
                catch (InvalidOperationException)
                {
                }
            }
        };
    }

    // Portals whose test process is gone (a killed run) are killed by pid, after checking the pid is still a portal.
    private static void SweepLeftovers()
    {
        if (Interlocked.Exchange(ref _swept, 1) != 0 || !Directory.Exists(PidsRoot))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(PidsRoot, "*.owner"))
        {
            if (!int.TryParse(Path.GetFileNameWithoutExtension(file), CultureInfo.InvariantCulture, out var pid)
                || !int.TryParse(File.ReadAllText(file), CultureInfo.InvariantCulture, out var owner))
            {
                File.Delete(file);
                continue;
            }

            if (Directory.Exists($"/proc/{owner}"))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
                if (commandLine.Contains("GatewayPortal.Portal.dll", StringComparison.Ordinal))
                {
                    using var orphan = Process.GetProcessById(pid);
                    orphan.Kill(entireProcessTree: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }

            File.Delete(file);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
