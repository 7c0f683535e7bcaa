using System.Net;
using System.Text.RegularExpressions;

namespace DriverNotebooks.Runner.Tests.Handouts;

/// <summary>
/// What a participant copies from the paper must be whole: a C listing's lines print unwrapped (a comment's tail
/// on a bare line does not compile), and no identifier is cut across two lines (STATUS_OBJECT_NAME_NOT | _FOUND in a
/// table cell, a scenario name broken at its hyphens). Read from the PDF's own text (pdftotext -layout), from the
/// same render as the page-budget tests.
/// </summary>
public sealed partial class HandoutPageBudgetTests
{
    [GeneratedRegex(@"^```c\s*\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CListing();

    /// <summary>Identifiers with an underscore (STATUS_OBJECT_NAME_NOT_FOUND) or three capitalised parts (EvtCleanupCallback).</summary>
    [GeneratedRegex(@"\b(?:[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[A-Za-z][a-z0-9]*(?:[A-Z][a-z0-9]+){2,})\b")]
    private static partial Regex Identifier();

    /// <summary>A name of three or more hyphenated parts (ndis-miniport-forgets-wdfdriverminiportunload).</summary>
    [GeneratedRegex(@"(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+){2,}(?![\w-])")]
    private static partial Regex HyphenatedName();

    [GeneratedRegex(@"[A-Za-z0-9_-]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<(?:td|th)\b[^>]*>(?<cell>.*?)</(?:td|th)>", RegexOptions.Singleline)]
    private static partial Regex TableCell();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [SkippableFact]
    public async Task Every_line_of_a_C_listing_prints_whole_on_one_line_of_the_PDF()
    {
        var problems = new List<string>();
        foreach (var handout in await Measure())
        {
            var printed = handout.PagesText.SelectMany(p => p.Split('\n')).Select(WithoutSpaces).ToList();
            var lines = CListing().Matches(handout.Source.Replace("\r\n", "\n", StringComparison.Ordinal))
                .SelectMany(m => m.Groups["body"].Value.Split('\n'))
                .Select(WithoutSpaces).Where(l => l.Length > 0).ToList();
            Assert.True(lines.Count > 0 || !handout.Source.Contains("```c", StringComparison.Ordinal), $"{handout.Name}: its C listings were not found");
            problems.AddRange(lines.Where(line => !printed.Any(p => p.Contains(line, StringComparison.Ordinal)))
                .Select(line => $"{handout.Name}: \"{line}\" is not on one printed line"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SkippableFact]
    public async Task No_identifier_or_scenario_name_is_split_across_two_printed_lines()
    {
        var problems = new List<string>();
        foreach (var handout in await Measure())
        {
            var names = Vocabulary(handout.Html);
            Assert.True(names.Count > 0, $"{handout.Name}: no identifiers found in its HTML");
            for (var page = 0; page < handout.PagesText.Count; page++)
                problems.AddRange(Splits(handout.PagesText[page], names).Select(s => $"{handout.Name} page {page + 1}: {s}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The names a handout prints whole: identifiers anywhere in its text, and hyphenated names in its tables
    /// (prose may break a long name after a hyphen, as it breaks any hyphenated word; a table cell must not).
    /// </summary>
    private static HashSet<string> Vocabulary(string html)
    {
        var body = ScriptOrStyle().Replace(html, " ");
        string Text(string markup) => WebUtility.HtmlDecode(Tag().Replace(markup, " "));
        var names = Identifier().Matches(Text(body)).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        foreach (Match cell in TableCell().Matches(body))
            names.UnionWith(HyphenatedName().Matches(Text(cell.Groups["cell"].Value)).Select(m => m.Value));
        return names;
    }

    /// <summary>
    /// A word that ends one line and the word that continues it on the next (the first word of that line, or the word
    /// starting in the same column, as a table cell wraps), which together begin one of the names while the first is
    /// not a name of its own.
    /// </summary>
    private static IEnumerable<string> Splits(string pageText, HashSet<string> names)
    {
        var lines = pageText.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var words = Word().Matches(lines[i]).ToList();
            var next = Word().Matches(lines[i + 1]).ToList();
            if (words.Count == 0 || next.Count == 0) continue;
            foreach (var head in words)
            {
                var continuations = next.Where(n => Math.Abs(n.Index - head.Index) <= 1).ToList();
                if (head == words[^1]) continuations.Add(next[0]);
                foreach (var tail in continuations)
                {
                    var joined = head.Value + tail.Value;
                    if (head.Value.Length < 2 || names.Contains(head.Value)) continue;
                    if (names.Any(n => n.StartsWith(joined, StringComparison.Ordinal)))
                        yield return $"\"{head.Value}\" | \"{tail.Value}\" (line {i + 1}: {lines[i].Trim()})";
                }
            }
        }
    }

    private static string WithoutSpaces(string text) => Regex.Replace(text, @"\s+", "");
}
