using System.Diagnostics;
using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Bench.SignInLoad;

/// <summary>
/// One closed-loop visitor: fetches an antiforgery pair once, then posts the login form back to back,
/// sending only the antiforgery cookie (never gp_session, which would change the token's user).
/// </summary>
internal sealed class SignInWorker(HttpClient http, Uri loginUrl, IReadOnlyList<Person> people, int index, int stride) : ILoadWorker
{
    private readonly List<Sample> _samples = new(capacity: 65_536);

    public IReadOnlyList<Sample> Samples => _samples;

    public async Task RunAsync(long stopTicks, CancellationToken cancellationToken)
    {
        var form = await FetchFormAsync(cancellationToken);
        var next = index;
        while (Stopwatch.GetTimestamp() < stopTicks && !cancellationToken.IsCancellationRequested)
        {
            var person = people[next % people.Count];
            next += stride;
            var start = Stopwatch.GetTimestamp();
            var outcome = await PostAsync(form, person, cancellationToken);
            _samples.Add(new Sample(start, Stopwatch.GetTimestamp(), outcome));
        }
    }

    // The first request of a worker may meet a cold node (or a busy proxy): a timeout there is tried again, not fatal.
    private async Task<LoginForm> FetchFormAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await LoginForm.FetchAsync(http, loginUrl, cancellationToken);
            }
            catch (Exception ex) when (attempt < 3 && !cancellationToken.IsCancellationRequested
                && ex is TaskCanceledException or HttpRequestException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"SignInLoad: worker {index}: login page attempt {attempt}: {ex.GetType().Name}; trying again");
            }
        }
    }

    private async Task<string> PostAsync(LoginForm form, Person person, CancellationToken cancellationToken)
    {
        using var request = form.CreatePost(loginUrl, person);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return LoginForm.ClassifyPost(response);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timeout";
        }
        catch (HttpRequestException ex)
        {
            return "transport: " + (ex.HttpRequestError.ToString());
        }
    }
}
