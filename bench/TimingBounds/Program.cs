// The wall-clock bounds the tests used to assert (issue #14, section 4), measured here instead: a test asserts what
// happened; how long it took depends on the machine and its load, so it is a figure for bench/RESULTS.md.
//
//   dotnet run -c Release --project bench/TimingBounds -- [rounds]     (default 5 rounds; needs slapd, scripts/deps.sh)
//
// Each round copies the run's slapd (2,000 people) and times, through the portal's directory service
// (AddPortalDirectory, connect timeout 1 s, operation timeout 2 s, as LdapFailoverTests configure it):
//   stopped primary → replica     the sign-in right after the preferred server stopped (was: ≤ 5 s)
//   all stopped → refusal         the sign-in when no server listens: DirectoryUnavailable (was: ≤ 2 × connect timeout;
//                                 DirectoryFaultTests: a refused sign-in ≤ 2 s)
//   restart → first sign-in       from slapd answering again to the first sign-in that succeeds (DirectoryFaultTests: ≤ 5 s)
//   hung primary → replica        the sign-in right after the preferred server was SIGSTOPped (was: ≤ 6 s)
//   next sign-in, primary hung    the one after it, which skips the marked-down server (was: ≤ 1 s)
// and, once, generating the 50,000-person organisation and its LDIF (OrganizationGeneratorTests: ≤ 15 s).
using System.Diagnostics;
using System.Globalization;
using GatewayPortal.Bench.TimingBounds;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var samples = new Dictionary<string, List<TimeSpan>>(StringComparer.Ordinal);
void Add(string name, TimeSpan value) => (samples.TryGetValue(name, out var list) ? list : samples[name] = []).Add(value);

var generator = Stopwatch.StartNew();
var organization = OrganizationGenerator.Generate(50_000);
var ldif = LdifWriter.ToLdif(organization);
Add("generate 50,000 people + LDIF", generator.Elapsed);
GC.KeepAlive(ldif);

var fixture = new SlapdFixture();
await fixture.InitializeAsync();
try
{
    for (var round = 1; round <= rounds; round++)
    {
        await Console.Error.WriteLineAsync($"round {round}/{rounds}");
        await using (var primary = await fixture.Server.CloneAsync())
        await using (var replica = await fixture.Server.CloneAsync())
        await using (var host = DirectoryHost.Create(fixture, [primary.Url, replica.Url]))
        {
            await host.SignInAsync();
            await primary.StopAsync();
            Add("stopped primary → replica", await host.TimeSignInAsync(expectSuccess: true));
            await replica.StopAsync();
            Add("all stopped → refusal", await host.TimeSignInAsync(expectSuccess: false));
            await primary.StartAsync();
            Add("restart → first sign-in", await host.TimeUntilSignedInAsync());
        }

        await using (var primary = await fixture.Server.CloneAsync())
        await using (var host = DirectoryHost.Create(fixture, [primary.Url, fixture.Server.Url]))
        {
            await host.SignInAsync();
            var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(primary.DataDir, "slapd.pid")), CultureInfo.InvariantCulture);
            await Signals.SendAsync("STOP", pid);
            try
            {
                Add("hung primary → replica", await host.TimeSignInAsync(expectSuccess: true));
                Add("next sign-in, primary hung", await host.TimeSignInAsync(expectSuccess: true));
            }
            finally
            {
                await Signals.SendAsync("CONT", pid);
            }
        }
    }
}
finally
{
    await fixture.DisposeAsync();
}

Console.WriteLine($"| Measurement | n | median ms | max ms |");
Console.WriteLine($"|---|---:|---:|---:|");
foreach (var (name, values) in samples)
{
    var sorted = values.Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {sorted.Count} | {sorted[sorted.Count / 2].TotalMilliseconds:F0} | {sorted[^1].TotalMilliseconds:F0} |"));
}
