using System.Text;

namespace DriverNotebooks.Formatting;

/// <summary>
/// The shape every result shows in a notebook: a title, a verdict in plain words, the key numbers,
/// optional notes and tables, then a chart. One builder renders it as HTML and as plain text, so the
/// two never tell different facts. Every string is HTML-escaped here; callers pass raw text.
/// </summary>
public sealed partial class ResultCard(string title)
{
    private readonly List<(string Label, string Value)> _numbers = [];
    private readonly List<string> _notes = [];
    private readonly List<(ResultTable Table, bool Collapsed)> _tables = [];
    private string? _verdict;
    private string? _lead;
    private readonly List<string> _charts = [];

    /// <summary>A paragraph under the title that says what was run (a scenario's story, say).</summary>
    public ResultCard Lead(string lead)
    {
        _lead = lead;
        return this;
    }

    public ResultCard Verdict(string verdict)
    {
        _verdict = verdict;
        return this;
    }

    public ResultCard Number(string label, string value)
    {
        _numbers.Add((label, value));
        return this;
    }

    public ResultCard Note(string note)
    {
        _notes.Add(note);
        return this;
    }

    /// <summary>Adds a table; a collapsed one shows in HTML behind its caption (a details element).</summary>
    public ResultCard Table(ResultTable table, bool collapsed = false)
    {
        _tables.Add((table, collapsed));
        return this;
    }

    /// <summary>Adds chart HTML from <see cref="Charts.ChartHtml"/>; trusted markup, inserted as is, in order.</summary>
    public ResultCard ChartHtml(string html)
    {
        _charts.Add(html);
        return this;
    }

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append(Style);
        html.Append("<div class=\"dn-result\">");
        html.Append("<h4 class=\"dn-title\">").Append(Encode(title)).Append("</h4>");
        if (_lead is not null) html.Append("<p class=\"dn-lead\">").Append(Encode(_lead)).Append("</p>");
        if (_verdict is not null) html.Append("<p class=\"dn-verdict\"><strong>").Append(Encode(_verdict)).Append("</strong></p>");
        if (_numbers.Count > 0)
        {
            html.Append("<table class=\"dn-numbers\"><tbody>");
            foreach (var (label, value) in _numbers)
                html.Append(IsWide(value) ? "<tr class=\"dn-wide\">" : "<tr>").Append("<th scope=\"row\">").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");
            html.Append("</tbody></table>");
        }
        foreach (var note in _notes) html.Append("<p class=\"dn-note\">").Append(Encode(note)).Append("</p>");
        foreach (var (table, _) in _tables.Where(t => !t.Collapsed)) table.AppendHtml(html);
        foreach (var chart in _charts) html.Append(chart);
        foreach (var (table, _) in _tables.Where(t => t.Collapsed))
        {
            html.Append("<details class=\"dn-details\"><summary>").Append(Encode(table.Caption)).Append("</summary>");
            table.AppendHtml(html);
            html.Append("</details>");
        }
        html.Append("</div>");
        return html.ToString();
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(title);
        if (_lead is not null) text.AppendLine(_lead);
        if (_verdict is not null) text.AppendLine(_verdict);
        if (_numbers.Count > 0)
        {
            text.AppendLine();
            var width = _numbers.Max(n => n.Label.Length);
            foreach (var (label, value) in _numbers) text.Append("  ").Append(label.PadRight(width)).Append("  ").AppendLine(value);
        }
        foreach (var note in _notes) text.AppendLine().Append("Note: ").AppendLine(note);
        foreach (var (table, _) in _tables) text.AppendLine().Append(table.ToText());
        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    /// <summary>A number whose value is longer than this is marked <c>dn-wide</c>: where numbers sit two to a line (printed handouts), it takes a line of its own.</summary>
    public const int WideValueCharacters = 30;

    /// <summary>A value holding a word longer than this (an identifier such as STATUS_OBJECT_NAME_NOT_FOUND) is marked <c>dn-wide</c> too, so no identifier is split to fit half a line.</summary>
    public const int WideWordCharacters = 20;

    private static bool IsWide(string value) =>
        value.Length > WideValueCharacters || value.Split(' ').Any(word => word.Length > WideWordCharacters);

    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>
    /// Escapes markup (&lt; &gt; &amp; and quotes) and leaves µ, ×, → and the like readable. A name of three or more
    /// hyphenated parts (a scenario such as ks-bda-unload-not-chained) is kept on one line: a browser would break it
    /// after any hyphen, and half a name on each line reads as two names.
    /// </summary>
    internal static string Encode(string text) =>
        HyphenatedName().Replace(Encoder.Encode(text), m => $"<span class=\"dn-name\">{m.Value}</span>");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+){2,}(?![\w-])")]
    private static partial System.Text.RegularExpressions.Regex HyphenatedName();

    /// <summary>
    /// The card's own small stylesheet, scoped to its classes, so a card reads the same in a handout,
    /// in VS Code and in Jupyter, none of which know our classes.
    /// </summary>
    private const string Style =
        "<style>.dn-result{margin:.4em 0 1em}.dn-result .dn-title{margin:.2em 0 .3em;font-size:1.05em}" +
        ".dn-result .dn-lead{margin:.2em 0 .5em;color:#444}.dn-result .dn-verdict{margin:.3em 0 .6em;padding:.4em .7em;border-left:4px solid #1f5fa8;background:#f1f5fb}" +
        ".dn-result .dn-note{margin:.3em 0;color:#57606a;font-size:.92em}.dn-result table{border-collapse:collapse;margin:.4em 0}" +
        ".dn-result th,.dn-result td{border:1px solid #d0d7de;padding:2px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word;word-break:normal}" +
        ".dn-result .dn-numbers th{background:#f6f8fa;font-weight:600}.dn-result caption{text-align:left;font-weight:600;padding:.2em 0}" +
        ".dn-result details summary{cursor:pointer;color:#57606a;margin:.3em 0}.dn-name{white-space:nowrap}</style>";
}

/// <summary>A small table inside a <see cref="ResultCard"/>.</summary>
public sealed class ResultTable(string caption, params string[] columns)
{
    private readonly List<string[]> _rows = [];

    public string Caption { get; } = caption;

    public IReadOnlyList<string> Columns { get; } = columns;

    public ResultTable Row(params string[] cells)
    {
        if (cells.Length != Columns.Count) throw new ArgumentException($"a row of '{Caption}' needs {Columns.Count} cells, not {cells.Length}");
        _rows.Add(cells);
        return this;
    }

    public int RowCount => _rows.Count;

    public string ToHtml()
    {
        var html = new StringBuilder();
        AppendHtml(html);
        return html.ToString();
    }

    /// <summary>
    /// A column whose cells are all at most this long is marked <c>dn-short</c> when another column holds longer text:
    /// a handout keeps the short ones on one line ("left on the system lookaside list") and lets the long one wrap.
    /// </summary>
    public const int ShortColumnCharacters = 36;

    internal void AppendHtml(StringBuilder html)
    {
        var longest = Columns.Select((c, i) => Math.Max(c.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var anyLong = longest.Any(l => l > ShortColumnCharacters);
        string Open(string tag, int column) => anyLong && longest[column] <= ShortColumnCharacters ? $"<{tag} class=\"dn-short\">" : $"<{tag}>";
        html.Append("<table class=\"dn-table\">");
        if (Caption.Length > 0) html.Append("<caption>").Append(ResultCard.Encode(Caption)).Append("</caption>");
        html.Append("<thead><tr>");
        for (var i = 0; i < Columns.Count; i++) html.Append(Open("th", i)).Append(ResultCard.Encode(Columns[i])).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++) html.Append(Open("td", i)).Append(ResultCard.Encode(row[i])).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    public string ToText()
    {
        var widths = Columns.Select((c, i) => Math.Max(c.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        if (Caption.Length > 0) text.AppendLine(Caption);
        text.Append("  ").AppendLine(string.Join("  ", Columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        text.Append("  ").AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows) text.Append("  ").AppendLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        return text.ToString();
    }
}
