using System.Text.Json;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>What one visited page showed: script that ran, policy violations, dangerous markup, broken layout.</summary>
public sealed record XssVisit(string Url, IReadOnlyList<string> ScriptRan, IReadOnlyList<string> DangerousViolations, IReadOnlyList<string> OtherViolations,
    IReadOnlyList<string> DangerousMarkup, IReadOnlyList<string> Layout, IReadOnlyList<string> ForeignRequests)
{
    /// <summary>True when nothing ran, nothing dangerous reached the DOM or the policy, and the page kept its landmarks.</summary>
    public bool Clean => ScriptRan.Count == 0 && DangerousViolations.Count == 0 && DangerousMarkup.Count == 0 && Layout.Count == 0 && ForeignRequests.Count == 0;

    /// <summary>Everything wrong, for an assertion message.</summary>
    public override string ToString() =>
        $"{Url}: ran [{string.Join(" | ", ScriptRan)}] csp [{string.Join(" | ", DangerousViolations)}] markup [{string.Join(" | ", DangerousMarkup)}] " +
        $"layout [{string.Join(" | ", Layout)}] foreign [{string.Join(" | ", ForeignRequests)}]";
}

/// <summary>
/// Watches a Chromium page for injected script: <c>alert</c>, <c>confirm</c>, <c>prompt</c>, <c>print</c>, <c>console.*</c>,
/// <c>fetch</c>, XHR and <c>new Image</c> are hooked by an init script before any page script runs; CSP violations are
/// collected from <c>securitypolicyviolation</c> events; requests to any other origin are recorded; after the load, the
/// live DOM is searched for event-handler attributes, script-capable URLs and elements that should never come from content.
/// </summary>
public static class XssProbe
{
    /// <summary>Runs before every document in the context.</summary>
    public const string InitScript = """
        (() => {
          const hits = [];
          const violations = [];
          Object.defineProperty(window, '__xssHits', { value: hits });
          Object.defineProperty(window, '__cspViolations', { value: violations });
          const text = args => { try { return Array.from(args).map(a => String(a && a.url || a)).join(' ').slice(0, 160); } catch { return '?'; } };
          const record = (kind, args) => hits.push(kind + ': ' + text(args));
          for (const name of ['alert', 'confirm', 'prompt', 'print']) {
            window[name] = function () { record(name, arguments); };
          }
          for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
            const original = console[name];
            console[name] = function () {
              // Blazor's own logger prefixes an ISO timestamp; everything else is a payload.
              const first = String(arguments[0]);
              if (!/^\[\d{4}-\d\d-\d\dT/.test(first)) { record('console.' + name, arguments); }
              return original.apply(console, arguments);
            };
          }
          const originalFetch = window.fetch;
          window.fetch = function (input) {
            const url = String(input && input.url || input);
            if (!/\/_(blazor|framework)\b/.test(url)) { record('fetch', [url]); }
            return originalFetch.apply(this, arguments);
          };
          const open = XMLHttpRequest.prototype.open;
          XMLHttpRequest.prototype.open = function (method, url) {
            if (!/\/_(blazor|framework)\b/.test(String(url))) { record('xhr', [url]); }
            return open.apply(this, arguments);
          };
          const OriginalImage = window.Image;
          window.Image = function () { record('Image', arguments); return new OriginalImage(...arguments); };
          document.addEventListener('securitypolicyviolation', e => violations.push(
            (e.effectiveDirective || e.violatedDirective) + ' ' + e.blockedURI + ' ' + (e.sample || '')), true);
        })();
        """;

    /// <summary>Searches the live DOM; <c>sentinel</c> is text the page must still show, or null.</summary>
    private const string InspectScript = """
        sentinel => {
          const markup = [];
          const layout = [];
          const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'lowsrc', 'dynsrc',
            'codebase', 'cite', 'ping', 'srcset', 'values', 'to', 'from', 'by', 'longdesc', 'usemap', 'manifest', 'icon'];
          const scriptUrl = /^(javascript|vbscript|livescript|mocha|data):/;
          const forbidden = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style',
            'animate', 'set', 'animatemotion', 'animatetransform', 'handler', 'listener', 'foreignobject', 'portal', 'math', 'svg', 'xmp',
            'plaintext', 'noembed', 'noframes', 'isindex', 'keygen']);
          const portalOwn = el => {
            const tag = el.localName;
            if (el.closest('head')) { return ['meta', 'link', 'base', 'title', 'style', 'script'].includes(tag); }
            // The portal's own scripts: a same-origin relative src, outside the main content where payloads land.
            if (tag === 'script') { return !el.closest('main') && !el.textContent.trim() && /^\/?(_framework|js)\/[\w.\-\/]+\.js$/.test(el.getAttribute('src') || ''); }
            // The portal's own SVG icons: <svg class="icon"><use href="/icons.svg#..."/></svg>.
            if (tag === 'svg') { return !!el.querySelector(':scope > use[href^="/icons.svg#"]') && el.children.length === 1; }
            return false;
          };
          for (const el of document.querySelectorAll('*')) {
            const where = el.localName + (el.id ? '#' + el.id : '');
            for (const a of el.attributes) {
              const name = a.name.toLowerCase();
              const value = a.value.replace(/[\u0000-\u0020\u007f-\u009f\u00ad]/g, '').toLowerCase();
              if (name.startsWith('on')) { markup.push(where + ' ' + name); }
              else if (name === 'srcdoc') { markup.push(where + ' srcdoc'); }
              else if (urlAttributes.includes(name) && scriptUrl.test(value) && !/^data:image\/(png|gif|jpe?g|webp);/.test(value)) { markup.push(where + ' ' + name + '=' + value.slice(0, 60)); }
              else if (name === 'style' && /expression|javascript:|vbscript:|behavior|binding/.test(value)) { markup.push(where + ' style=' + value.slice(0, 60)); }
              else if (name === 'http-equiv') { markup.push(where + ' http-equiv=' + value); }
            }
            if (forbidden.has(el.localName) && !portalOwn(el)) { markup.push('element ' + where + ' ' + (el.getAttribute('src') || el.outerHTML).slice(0, 80)); }
          }
          const bases = [...document.querySelectorAll('base')].map(b => b.getAttribute('href'));
          if (bases.length !== 1 || bases[0] !== '/') { layout.push('base ' + bases.join(',')); }
          const visible = el => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
          if (!visible(document.querySelector('header.top-bar'))) { layout.push('no visible header'); }
          if (!visible(document.querySelector('main#main'))) { layout.push('no visible main'); }
          if (!document.querySelector('main#main h1')) { layout.push('no h1 in main'); }
          if (sentinel && !visible([...document.querySelectorAll('main#main *')].find(e => e.childElementCount === 0 && e.textContent.includes(sentinel)))) {
            layout.push('sentinel missing: ' + sentinel);
          }
          return { markup, layout, hits: [...window.__xssHits], violations: [...window.__cspViolations] };
        }
        """;

    private static readonly string[] DangerousDirectives = ["script-src", "object-src", "base-uri", "frame-src", "child-src", "worker-src", "form-action", "default-src", "navigate-to"];

    /// <summary>A new context (own cookies) whose pages are all watched.</summary>
    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "ko-KR",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        await context.AddInitScriptAsync(InitScript);
        return context;
    }

    /// <summary>Opens <paramref name="path"/> in <paramref name="page"/> and inspects it.</summary>
    public static async Task<XssVisit> VisitAsync(IPage page, Uri baseAddress, string path, string? sentinel = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(baseAddress);
        var foreign = new List<string>();
        var origin = baseAddress.GetLeftPart(UriPartial.Authority);
        void OnRequest(object? sender, IRequest request)
        {
            if (request.Url.StartsWith("http", StringComparison.Ordinal) && !request.Url.StartsWith(origin, StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        }

        // A request the CSP stopped still shows up as a request; only one that was not blocked counts.
        var blocked = new List<string>();
        void OnFailed(object? sender, IRequest request)
        {
            if (request.Failure?.Contains("BLOCKED_BY_CSP", StringComparison.Ordinal) == true)
            {
                blocked.Add(request.Url);
            }
        }

        page.Request += OnRequest;
        page.RequestFailed += OnFailed;
        try
        {
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            // Let autofocus, media errors, animations and zero-delay timers fire.
            await page.WaitForTimeoutAsync(50);
            var layout = new List<string>();
            if (response is null || response.Status != 200)
            {
                layout.Add($"status {response?.Status}");
            }

            if (!page.Url.StartsWith(origin, StringComparison.Ordinal))
            {
                layout.Add("navigated to " + page.Url);
                return new XssVisit(path, [], [], [], [], layout, foreign);
            }

            var result = await page.EvaluateAsync<JsonElement>(InspectScript, sentinel);
            var violations = Strings(result, "violations");
            layout.AddRange(Strings(result, "layout"));
            return new XssVisit(
                path,
                Strings(result, "hits"),
                [.. violations.Where(IsDangerous)],
                [.. violations.Where(v => !IsDangerous(v))],
                Strings(result, "markup"),
                layout,
                [.. foreign.Except(blocked, StringComparer.Ordinal).Where(u => !violations.Any(v => v.Contains(u, StringComparison.Ordinal)))]);
        }
        finally
        {
            page.Request -= OnRequest;
            page.RequestFailed -= OnFailed;
        }
    }

    private static bool IsDangerous(string violation) =>
        DangerousDirectives.Any(d => violation.StartsWith(d, StringComparison.Ordinal));

    private static List<string> Strings(JsonElement element, string name) =>
        [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetString() ?? "")];
}
