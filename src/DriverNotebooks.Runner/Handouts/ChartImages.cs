using System.Text;
using System.Text.RegularExpressions;
using DriverNotebooks.Charts;
using DriverNotebooks.Formatting;
using DriverNotebooks.Runner.Documents;

namespace DriverNotebooks.Runner.Handouts;

/// <summary>Static chart images could not be made. The message is one line.</summary>
internal sealed class ChartImageException(string message) : Exception(message);

/// <summary>
/// Adds a static <c>image/svg+xml</c> rendering to every chart output of a run notebook, and the same image
/// inside the chart's HTML element until plotly.js replaces it, so viewers that run no script (GitHub's,
/// nbconvert with its sanitizer) still show the charts. All of a notebook's charts
/// are drawn by one headless Chromium with the plotly.js inside Plotly.NET, offline. plotly.js names clip
/// paths with random ids; the page seeds its random numbers per chart, so the same notebook gives the
/// same images every time.
/// </summary>
internal partial class ChartImages
{
    /// <summary>Virtual time Chromium gives the page: ample for plotly to draw a notebook's charts.</summary>
    public static TimeSpan DrawingTime { get; } = TimeSpan.FromSeconds(60);

    public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Why a notebook's charts got no images when Chromium is absent.</summary>
    public const string MissingChromium =
        "charts in the .ipynb carry no static image (for GitHub's viewer): Chromium was not found; install it (Debian: apt-get install chromium) or pass --no-chart-images";

    /// <summary>The chart outputs of <paramref name="notebook"/> that have no image yet, in order.</summary>
    public static int CountMissing(Notebook notebook) => ChartBundles(notebook).Count(d => !HasImage(d));

    /// <summary>
    /// <paramref name="notebook"/> with an SVG added to each chart output that has none; unchanged when it has none.
    /// </summary>
    /// <exception cref="ChartImageException">Chromium failed or did not draw every chart.</exception>
    public static async Task<Notebook> AddAsync(Notebook notebook, string chromium, CancellationToken cancellationToken = default)
    {
        var figures = ChartBundles(notebook).Where(d => !HasImage(d)).Select(Figure).ToList();
        if (figures.Count == 0) return notebook;
        var images = await RenderAsync(figures, chromium, cancellationToken).ConfigureAwait(false);
        var next = 0;
        IReadOnlyList<FormattedOutput> Add(IReadOnlyList<FormattedOutput> data) =>
            !ChartBundle.IsChart(data) || HasImage(data) ? data : WithImage(data, images[next++]);
        var cells = notebook.Cells.Select(cell => cell with
        {
            Outputs = [.. cell.Outputs.Select(output => output switch
            {
                DisplayDataOutput d when ChartBundle.IsChart(d.Data) => d with { Data = Add(d.Data) },
                ExecuteResultOutput r when ChartBundle.IsChart(r.Data) => r with { Data = Add(r.Data) },
                _ => output,
            })],
        }).ToList();
        return notebook with { Cells = cells };
    }

    /// <summary>
    /// A chart output with its static rendering: as <c>image/svg+xml</c> (before the text), and inside the chart's
    /// HTML element until plotly.js draws it, since viewers that strip scripts (GitHub's) choose HTML over SVG.
    /// </summary>
    public static IReadOnlyList<FormattedOutput> WithImage(IReadOnlyList<FormattedOutput> data, string svg)
    {
        var description = data.FirstOrDefault(d => d.MimeType == FormattedOutput.PlainText)?.Text ?? "chart";
        var withImage = data.Select(d => d.MimeType == FormattedOutput.Html ? d with { Text = ChartHtml.WithStaticImage(d.Text, svg, description) } : d).ToList();
        var image = new FormattedOutput(ChartBundle.SvgMimeType, svg);
        var plain = withImage.FindIndex(d => d.MimeType == FormattedOutput.PlainText);
        return plain < 0 ? [.. withImage, image] : [.. withImage.Take(plain), image, .. withImage.Skip(plain)];
    }

    /// <summary>The plotly figure of a chart output.</summary>
    public static string Figure(IReadOnlyList<FormattedOutput> data) => data.First(d => d.MimeType == ChartBundle.PlotlyMimeType).Text;

    /// <summary>Draws each plotly figure (the <c>application/vnd.plotly.v1+json</c> payload) as an SVG document.</summary>
    public static async Task<IReadOnlyList<string>> RenderAsync(IReadOnlyList<string> figures, string chromium, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("drivernb-chart-images-");
        try
        {
            var page = Path.Combine(folder.FullName, "charts.html");
            // plotly.js as a file beside the page, not inline: Chromium reads a 3.5 MB inline script about
            // 1.9 s slower (4.6 s against 2.7 s to load the library alone, measured here).
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, LibraryFile), PlotlyJs.GlobalScript, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(page, Page(figures), cancellationToken).ConfigureAwait(false);
            (int ExitCode, string Output, string Error) run;
            try
            {
                run = await Chromium.RunAsync(chromium,
                    [$"--virtual-time-budget={(int)DrawingTime.TotalMilliseconds}", "--dump-dom", new Uri(page).AbsoluteUri],
                    Timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                throw new ChartImageException($"drawing chart images failed: {e.Message}");
            }
            var images = ImagePattern().Matches(run.Output)
                .OrderBy(m => int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture))
                .Select(m => Uri.UnescapeDataString(m.Groups[2].Value))
                .ToList();
            if (images.Count != figures.Count || images.Any(i => !i.StartsWith("<svg", StringComparison.Ordinal)))
            {
                var failure = FailurePattern().Match(run.Output) is { Success: true } f ? Uri.UnescapeDataString(f.Groups[1].Value) : $"exit code {run.ExitCode}";
                throw new ChartImageException($"Chromium drew {images.Count} of {figures.Count} chart images ({failure})");
            }
            return images;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IEnumerable<IReadOnlyList<FormattedOutput>> ChartBundles(Notebook notebook) =>
        notebook.Cells.SelectMany(c => c.Outputs).Select(o => o switch
        {
            DisplayDataOutput d => d.Data,
            ExecuteResultOutput r => r.Data,
            _ => null,
        }).Where(d => d is not null && ChartBundle.IsChart(d))!;

    private static bool HasImage(IReadOnlyList<FormattedOutput> data) => data.Any(d => d.MimeType == ChartBundle.SvgMimeType);


    /// <summary>
    /// The page: plotly.js (from <see cref="LibraryFile"/> beside it), the figures, and a script that draws each with its own seeded random numbers and
    /// writes its SVG (URI-encoded, so nothing needs HTML escaping) into a <c>pre</c> element.
    /// </summary>
    private const string LibraryFile = "plotly.min.js";

    private static string Page(IReadOnlyList<string> figures)
    {
        var page = new StringBuilder(figures.Sum(f => f.Length) + 4096);
        page.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
        page.Append("<script type=\"text/javascript\" src=\"").Append(LibraryFile).Append("\"></script>");
        page.Append("<script type=\"text/javascript\">var figures=[");
        for (var i = 0; i < figures.Count; i++) page.Append(i == 0 ? "" : ",").Append(ChartHtml.EscapeJsonForScript(figures[i]));
        page.Append("];").Append(DrawScript).Append("</script></body></html>");
        return page.ToString();
    }

    private const string DrawScript = """
        (async function () {
          var random = Math.random;
          function seeded(seed) {
            return function () {
              seed = (seed + 0x6D2B79F5) | 0;
              var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
              t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
              return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
            };
          }
          function put(id, text) {
            var pre = document.createElement('pre');
            pre.id = id;
            pre.textContent = text;
            document.body.appendChild(pre);
          }
          try {
            for (var i = 0; i < figures.length; i++) {
              Math.random = seeded(1000003 * (i + 1));
              var f = figures[i], layout = f.layout || {};
              var url = await Plotly.toImage({ data: f.data, layout: layout, config: { staticPlot: true } },
                { format: 'svg', width: layout.width || 700, height: layout.height || 450 });
              var comma = url.indexOf(',');
              var svg = url.substring(0, comma).indexOf(';base64') >= 0 ? atob(url.substring(comma + 1)) : decodeURIComponent(url.substring(comma + 1));
              put('drivernb-svg-' + i, encodeURIComponent(svg));
            }
          } catch (e) {
            put('drivernb-svg-failure', encodeURIComponent(String(e && e.message || e)));
          } finally {
            Math.random = random;
          }
        })();
        """;

    [GeneratedRegex("<pre id=\"drivernb-svg-(\\d+)\">([^<]*)</pre>")]
    private static partial Regex ImagePattern();

    [GeneratedRegex("<pre id=\"drivernb-svg-failure\">([^<]*)</pre>")]
    private static partial Regex FailurePattern();
}
