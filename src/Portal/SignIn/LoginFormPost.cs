using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.SignIn;

/// <summary>
/// Answers the login form's POST before the Blazor page renders. A sign-in that succeeds (or moves on to the
/// second factor) is redirected at once, which spares rendering the whole page on the morning's busiest request;
/// any other outcome is left in <see cref="HttpContext.Items"/> for the page to show, so the password is checked once.
/// </summary>
public static class LoginFormPost
{
    private const string FormName = "login";
    private static readonly object ResultKey = new();

    /// <summary>Field rules shared by this fast path and the login page.</summary>
    public static IEnumerable<LoginFieldProblem> Validate(string? login, string? password, SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Check(LoginField.Login, login, "LoginRequired", "LoginTooLong", options.MaxLoginLength) is { } loginProblem)
        {
            yield return loginProblem;
        }
        else if (!LoginName.TryNormalize(login, options.MaxLoginLength, out _))
        {
            // No account can have it (a Hangul name, a dotted capital I, a space inside): say what a login looks like.
            yield return new(LoginField.Login, "LoginInvalid", options.MaxLoginLength);
        }

        if (Check(LoginField.Password, password, "PasswordRequired", "PasswordTooLong", options.MaxPasswordLength) is { } passwordProblem)
        {
            yield return passwordProblem;
        }
    }

    /// <summary>The outcome this fast path already reached for the current request, if any.</summary>
    public static PasswordSignInResult? ResultOf(HttpContext context) =>
        context?.Items.TryGetValue(ResultKey, out var value) == true ? value as PasswordSignInResult : null;

    /// <summary>Adds the fast path to the pipeline; it must come after <c>UseAntiforgery</c>.</summary>
    public static IApplicationBuilder UseLoginFormPost(this IApplicationBuilder app) => app.Use(InvokeAsync);

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        // The antiforgery verdict first: the form must not be read before it is known to be valid.
        if (!HttpMethods.IsPost(request.Method) || !request.Path.Equals(PortalAuthenticationDefaults.LoginPath, StringComparison.OrdinalIgnoreCase)
            || context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true }
            || !request.HasFormContentType)
        {
            // Anything unusual (another form, a forged or expired token) goes to the page, which explains it.
            await next(context);
            return;
        }

        var form = await request.ReadFormAsync(context.RequestAborted);
        var login = form["Input.Login"].ToString();
        var password = form["Input.Password"].ToString();
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<SignInOptions>>().Value;
        if (!string.Equals(form["_handler"], FormName, StringComparison.Ordinal) || Validate(login, password, options).Any())
        {
            await next(context);
            return;
        }

        var result = await services.GetRequiredService<IPasswordSignInService>()
            .SignInAsync(login, password, ClientInfo.From(context), context.RequestAborted);
        var target = await SessionSignIn.CompletePasswordStepAsync(
            context, result, request.Query["returnUrl"], options.SessionLifetime, services.GetRequiredService<TimeProvider>());
        if (target is not null)
        {
            RememberedLogin.Apply(
                context, RememberedLogin.IsTicked(form[RememberedLogin.FormField]), login, signedIn: true, options.MaxLoginLength,
                services.GetRequiredService<TimeProvider>().GetUtcNow());
            context.Response.Redirect(target);
            return;
        }

        context.Items[ResultKey] = result;
        await next(context);
    }

    private static LoginFieldProblem? Check(LoginField field, string? value, string requiredKey, string tooLongKey, int max) =>
        string.IsNullOrWhiteSpace(value) ? new(field, requiredKey, max)
        : value.Length > max ? new(field, tooLongKey, max)
        : null;
}
