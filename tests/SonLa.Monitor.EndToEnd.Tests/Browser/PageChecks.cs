using System.Text.Json;
using Microsoft.Playwright;

namespace SonLa.Monitor.EndToEnd.Tests.Browser;

/// <summary>Measurements made inside the page: labels, contrast, horizontal overflow.</summary>
internal static class PageChecks
{
    private static readonly JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Inputs, selects and text areas with neither aria-label, a &lt;label for&gt; nor an enclosing label.</summary>
    public static async Task<IReadOnlyList<string>> UnlabelledInputsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
              .filter(el => !el.getAttribute("aria-label")
                && !(el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`))
                && !el.closest("label"))
              .map(el => el.outerHTML.slice(0, 120))
            """);

    /// <summary>
    /// The WCAG contrast ratio of the text colour of every element matching <paramref name="selector"/> against the
    /// first opaque background behind it, computed from getComputedStyle.
    /// </summary>
    public static async Task<IReadOnlyList<ContrastReading>> ContrastAsync(IPage page, string selector)
    {
        var json = await page.EvaluateAsync<string>("""
            (selector) => {
              const parse = (text) => {
                const parts = text.match(/rgba?\(([^)]+)\)/)[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
                return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
              };
              const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
              const background = (element) => {
                for (let e = element; e; e = e.parentElement) {
                  const c = parse(getComputedStyle(e).backgroundColor);
                  if (c.a > 0) return c;
                }
                return { r: 255, g: 255, b: 255, a: 1 };
              };
              return JSON.stringify([...document.querySelectorAll(selector)]
                .filter((e) => e.offsetParent !== null && e.textContent.trim().length > 0)
                .map((e) => {
                  const [light, dark] = [luminance(parse(getComputedStyle(e).color)), luminance(background(e))].sort((x, y) => y - x);
                  return { element: `${e.tagName.toLowerCase()}.${e.className}`, text: e.textContent.trim().slice(0, 40), ratio: (light + 0.05) / (dark + 0.05) };
                }));
            }
            """, selector);
        return JsonSerializer.Deserialize<List<ContrastReading>>(json, CaseInsensitive) ?? [];
    }

    /// <summary>How many CSS pixels the document is wider than the viewport (0: no horizontal scroll).</summary>
    public static Task<int> HorizontalOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");
}

internal sealed record ContrastReading(string Element, string Text, double Ratio);
