using System.Text.RegularExpressions;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Rendering;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Handouts;

/// <summary>
/// The printed handouts stay compact: at most 12 A4 pages each, and no page less than a third full unless it
/// ends the document or the next page opens a section. Fill is measured from the PDF itself (poppler's
/// pdftoppm: the lowest inked row of each page), page count from pdfinfo.
/// </summary>
public sealed partial class HandoutPageBudgetTests
{
    private const int MaxPages = 12;
    private const double MinFill = 1.0 / 3;

    [GeneratedRegex(@"^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [SkippableFact]
    public async Task No_handout_page_is_under_a_third_full_except_a_sections_last_or_the_documents_last()
    {
        var problems = (await Measure()).SelectMany(h => h.ThinPages).ToList();
        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    [SkippableFact]
    public async Task Every_shipped_handout_prints_on_at_most_12_pages()
    {
        var problems = (await Measure()).Where(h => h.Pages > MaxPages).Select(h => $"{h.Name}: {h.Pages} pages (at most {MaxPages})").ToList();
        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    /// <summary>
    /// Chromium shrinks every page of a document to fit an element wider than the paper, which would meet the
    /// page budget by making the text unreadably small: the median word must stay as tall as 9.5 pt text sets
    /// (about 10–11 pt from the bottom of a descender to the top of an ascender; below 9 pt means shrunk).
    /// </summary>
    [SkippableFact]
    public async Task Every_handout_prints_its_text_at_full_size_never_shrunk_to_fit_a_wide_element()
    {
        var problems = (await Measure()).Where(h => h.MedianWordHeightPoints < 9.0).Select(h => $"{h.Name}: median word {h.MedianWordHeightPoints:0.0} pt tall").ToList();
        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    /// <param name="Source">The notebook's text (.dib).</param>
    /// <param name="Html">The handout's HTML, as written beside the PDF.</param>
    /// <param name="PagesText">Each page's text as <c>pdftotext -layout</c> lays it out.</param>
    private sealed record Handout(string Name, int Pages, IReadOnlyList<string> ThinPages, double MedianWordHeightPoints,
        string Source, string Html, IReadOnlyList<string> PagesText);

    // The handouts are rendered and printed once for all the tests of this class (about a minute of Chromium).
    private static readonly Lazy<Task<IReadOnlyList<Handout>>> Measured = new(MeasureAll);

    private static Task<IReadOnlyList<Handout>> Measure() => Measured.Value;

    private static async Task<IReadOnlyList<Handout>> MeasureAll()
    {
        RequiredTools.Chromium();
        var pdftoppm = Poppler("pdftoppm");
        var pdftotext = Poppler("pdftotext");
        using var folder = new TempFolder();
        var handouts = new List<Handout>();

        foreach (var path in Directory.EnumerateFiles(Repository.PathOf("notebooks"), "*.dib").Order())
        {
            var result = await NotebookFolder.RunIn(path, () => NotebookRenderer.RenderAsync(NotebookReader.Read(path), new RenderOptions { OutputDirectory = folder.Path, Pdf = true }));
            var pdf = result.Written.Single(w => w.EndsWith(".pdf", StringComparison.Ordinal));
            var sections = SectionHeading().Matches(File.ReadAllText(path)).Select(m => Normalize(m.Groups[1].Value)).ToList();
            var fills = PageFills(pdftoppm, pdf, folder.Path);
            var name = Path.GetFileName(path);
            var thin = new List<string>();
            for (var page = 0; page < fills.Count - 1; page++)
            {
                if (fills[page] >= MinFill) continue;
                var next = FirstLine(pdftotext, pdf, page + 2);
                if (!sections.Any(s => next.StartsWith(s, StringComparison.Ordinal)))
                    thin.Add($"{name}: page {page + 1} is {fills[page]:P0} full and the next page starts with \"{next}\"");
            }
            var html = File.ReadAllText(result.Written.Single(w => w.EndsWith(".html", StringComparison.Ordinal)));
            var pagesText = Enumerable.Range(1, fills.Count).Select(page => LayoutText(pdftotext, pdf, page)).ToList();
            handouts.Add(new Handout(name, fills.Count, thin, MedianWordHeight(pdftotext, pdf), File.ReadAllText(path), html, pagesText));
        }
        return handouts;
    }

    private static string Poppler(string tool)
    {
        var found = new[] { "/usr/bin/" + tool }.FirstOrDefault(File.Exists);
        return found ?? ToolRequirement.Missing<string>($"poppler's {tool}; Debian: apt-get install poppler-utils");
    }

    /// <summary>For each page, how far down the lowest inked row sits, as a share of the page height.</summary>
    private static List<double> PageFills(string pdftoppm, string pdf, string folder)
    {
        var prefix = Path.Combine(folder, Path.GetFileNameWithoutExtension(pdf) + "-page");
        var run = ExternalProcess.Run(pdftoppm, ["-gray", "-r", "24", pdf, prefix]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return Directory.EnumerateFiles(folder, Path.GetFileName(prefix) + "*.pgm")
            .Order(StringComparer.Ordinal)
            .Select(LowestInkedRowShare).ToList();
    }

    /// <summary>Reads a binary PGM (P5, 8-bit) and returns (lowest row with a pixel darker than near-white + 1) / height.</summary>
    private static double LowestInkedRowShare(string pgm)
    {
        var bytes = File.ReadAllBytes(pgm);
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[position])) position++;
            var start = position;
            while (!char.IsWhiteSpace((char)bytes[position])) position++;
            return System.Text.Encoding.ASCII.GetString(bytes, start, position - start);
        }
        Assert.Equal("P5", Token());
        var width = int.Parse(Token());
        var height = int.Parse(Token());
        Token();
        position++;
        for (var row = height - 1; row >= 0; row--)
        {
            for (var x = 0; x < width; x++)
                if (bytes[position + row * width + x] < 235) return (row + 1) / (double)height;
        }
        return 0;
    }

    [GeneratedRegex("""<word xMin="[0-9.]+" yMin="(?<top>[0-9.]+)" xMax="[0-9.]+" yMax="(?<bottom>[0-9.]+)">""")]
    private static partial Regex WordBox();

    /// <summary>The median height of the PDF's word boxes (pdftotext -bbox), in points.</summary>
    private static double MedianWordHeight(string pdftotext, string pdf)
    {
        var run = ExternalProcess.Run(pdftotext, ["-bbox", pdf, "-"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var heights = WordBox().Matches(run.Output)
            .Select(m => double.Parse(m.Groups["bottom"].Value, System.Globalization.CultureInfo.InvariantCulture) - double.Parse(m.Groups["top"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Order().ToList();
        Assert.NotEmpty(heights);
        return heights[heights.Count / 2];
    }

    private static string FirstLine(string pdftotext, string pdf, int page) =>
        Normalize(LayoutText(pdftotext, pdf, page).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "");

    private static string LayoutText(string pdftotext, string pdf, int page)
    {
        var run = ExternalProcess.Run(pdftotext, ["-f", page.ToString(), "-l", page.ToString(), "-layout", pdf, "-"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output;
    }

    private static string Normalize(string text) => Regex.Replace(text.Replace("`", "", StringComparison.Ordinal), @"\s+", " ").Trim();
}
