using System.Text.Json;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>
/// Measures a rendered page the way a phone user suffers it: a document wider than the viewport (the page scrolls
/// sideways), and text crushed into a column too narrow to read (a name wrapped one syllable per line, a blame line
/// squeezed to 55 px). A deliberate horizontal scroller (an element with <c>overflow-x: auto|scroll</c>) is allowed to be
/// wider than the viewport; the text inside it is still measured.
/// </summary>
public static class PhoneLayout
{
    /// <summary>Text narrower than this many em that wraps onto three or more lines counts as crushed.</summary>
    public const double ReadableEm = 6;

    private const string Probe = """
        (readableEm) => {
          const problems = [];
          const viewport = document.documentElement.clientWidth;
          const docWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
          if (docWidth > viewport + 1) {
            // Name the widest element that sticks out, so the failure says where to look.
            let culprit = null, right = viewport;
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.right <= right + 1) continue;
              let scroller = el.parentElement, inScroller = false;
              while (scroller && scroller !== document.body) {
                const ox = getComputedStyle(scroller).overflowX;
                if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') { inScroller = true; break; }
                scroller = scroller.parentElement;
              }
              if (inScroller) continue;
              culprit = el; right = r.right;
            }
            const name = culprit ? culprit.tagName.toLowerCase() + (culprit.id ? '#' + culprit.id : '') + (culprit.className && typeof culprit.className === 'string' ? '.' + culprit.className.trim().split(/\s+/).join('.') : '') : '?';
            problems.push(`document is ${docWidth}px wide in a ${viewport}px viewport (widest: ${name}, right edge ${Math.round(right)}px)`);
          }
          for (const el of document.body.querySelectorAll('*')) {
            let own = '';
            for (const n of el.childNodes) if (n.nodeType === 3) own += n.textContent;
            own = own.trim();
            if (own.length < 3) continue;
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden' || style.position === 'absolute' && style.clip !== 'auto') continue;
            const r = el.getBoundingClientRect();
            if (r.width <= 2 || r.height <= 2) continue;
            const fontSize = parseFloat(style.fontSize) || 16;
            const lineHeight = parseFloat(style.lineHeight) || fontSize * 1.5;
            const lines = Math.round(r.height / lineHeight);
            if (r.width < readableEm * fontSize && lines >= 3 && own.length > lines) {
              problems.push(`"${own.slice(0, 24)}" in <${el.tagName.toLowerCase()}> is ${Math.round(r.width)}px wide over ${lines} lines`);
            }
          }
          return JSON.stringify(problems.slice(0, 12));
        }
        """;

    /// <summary>What is wrong with the page's layout at its current viewport; empty when nothing is.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>(Probe, ReadableEm);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}
