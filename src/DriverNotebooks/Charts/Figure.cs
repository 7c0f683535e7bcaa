using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// A small C# vocabulary over Plotly.NET's trace and layout objects. Plotly.NET's chart functions take
/// F# options that C# must spell out one by one; its traces and layouts are dynamic objects that take
/// plotly.js attribute names directly, which reads better from C# and maps one to one onto the
/// plotly.js reference.
/// </summary>
internal static class Figure
{
    /// <summary>Colours that stay distinct in greyscale print: blue, orange, green, red, purple, brown.</summary>
    public static readonly string[] Palette = ["#1f5fa8", "#e07b00", "#2e8b3a", "#c0282d", "#6c4ea0", "#8a5a2b"];

    public const string BusLimitColor = "#555555";
    public const string MeasuredColor = "#c0282d";

    /// <summary>Width and height that fit a portrait A4 or Letter page between margins at 96 dpi.</summary>
    public const int PrintWidth = 680;
    public const int PrintHeight = 400;

    public static Trace2D Line(string name, IEnumerable<double> x, IEnumerable<double> y, string color, string dash = "solid", bool markers = true)
    {
        var trace = Scatter(name, x.ToArray(), y.ToArray());
        trace.SetProperty("mode", markers ? "lines+markers" : "lines");
        trace.SetProperty("line", Props(("color", color), ("dash", dash), ("width", 2)));
        if (markers) trace.SetProperty("marker", Props(("color", color), ("size", 6)));
        return trace;
    }

    public static Trace2D Points(string name, IEnumerable<double> x, IEnumerable<double> y, string color, string symbol = "circle", int size = 10) =>
        Points(name, x.Cast<object>(), y, color, symbol, size);

    /// <summary>Markers at category or numeric x positions.</summary>
    public static Trace2D Points(string name, IEnumerable<object> x, IEnumerable<double> y, string color, string symbol = "circle", int size = 10)
    {
        var trace = Scatter(name, x.ToArray(), y.ToArray());
        trace.SetProperty("mode", "markers");
        trace.SetProperty("marker", Props(("color", color), ("size", size), ("symbol", symbol)));
        return trace;
    }

    public static Trace2D Bars(string name, IEnumerable<object> x, IEnumerable<double> y, string color)
    {
        var trace = new Trace2D("bar");
        trace.SetProperty("name", name);
        trace.SetProperty("x", x.ToArray());
        trace.SetProperty("y", y.ToArray());
        trace.SetProperty("marker", Props(("color", color)));
        return trace;
    }

    /// <summary>Bars along x for categories down the y axis (long category names read horizontally).</summary>
    public static Trace2D HorizontalBars(string name, IEnumerable<object> categories, IEnumerable<double> lengths, string color)
    {
        var trace = new Trace2D("bar");
        trace.SetProperty("name", name);
        trace.SetProperty("orientation", "h");
        trace.SetProperty("x", lengths.ToArray());
        trace.SetProperty("y", categories.ToArray());
        trace.SetProperty("marker", Props(("color", color)));
        return trace;
    }

    public static Trace2D Scatter(string name, object x, object y)
    {
        var trace = new Trace2D("scatter");
        trace.SetProperty("name", name);
        trace.SetProperty("x", x);
        trace.SetProperty("y", y);
        return trace;
    }

    /// <summary>A layout with a title, axis titles (with units) and a print-friendly size and style.</summary>
    public static Layout Layout(string title, string xTitle, string yTitle, int width = PrintWidth, int height = PrintHeight)
    {
        var layout = new Layout();
        var wrapped = WrapTitle(title, width);
        layout.SetProperty("title", Props(("text", wrapped), ("x", 0.02), ("xanchor", "left"), ("font", Props(("size", 15)))));
        layout.SetProperty("xaxis", Axis(xTitle));
        layout.SetProperty("yaxis", Axis(yTitle));
        layout.SetProperty("width", width);
        layout.SetProperty("height", height);
        layout.SetProperty("margin", Props(("l", 70), ("r", 20), ("t", wrapped.Contains("<br>") ? 72 : 50), ("b", 60)));
        layout.SetProperty("font", Props(("family", "Segoe UI, Helvetica, Arial, sans-serif"), ("size", 12), ("color", "#222")));
        layout.SetProperty("paper_bgcolor", "white");
        layout.SetProperty("plot_bgcolor", "white");
        layout.SetProperty("legend", Props(("orientation", "h"), ("y", -0.2), ("x", 0)));
        return layout;
    }

    /// <summary>Breaks a long title into lines (plotly.js takes &lt;br&gt;) so that it fits the chart's width at 15 px.</summary>
    public static string WrapTitle(string title, int width)
    {
        var perLine = Math.Max(30, (width - 40) / 8);
        var lines = new List<string>();
        var line = "";
        // plotly.js reads a small set of HTML tags in text; a title may carry user text, so escape it.
        foreach (var word in System.Net.WebUtility.HtmlEncode(title).Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > perLine)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        lines.Add(line);
        return string.Join("<br>", lines);
    }

    /// <summary>How many lines <see cref="WrapTitle"/> breaks <paramref name="title"/> into at the print width.</summary>
    public static int TitleLines(string title) => WrapTitle(title, PrintWidth).Split("<br>").Length;

    /// <summary>
    /// A horizontal legend whose top sits <paramref name="pixelsBelowPlot"/> under the plot area (<paramref name="plotHeight"/>
    /// pixels tall): plotly places legends in plot-height units, and below the x axis title is where it overlaps nothing.
    /// </summary>
    public static Dictionary<string, object> LegendBelowPlot(double pixelsBelowPlot, double plotHeight) =>
        Props(("orientation", "h"), ("yanchor", "top"), ("y", -pixelsBelowPlot / plotHeight), ("x", 0));

    public static Dictionary<string, object> Axis(string title) => Props(
        ("title", Props(("text", title))),
        ("gridcolor", "#e3e3e3"),
        ("zerolinecolor", "#bbbbbb"),
        ("linecolor", "#888888"),
        ("showline", true),
        ("automargin", true));

    /// <summary>A chart from traces and a layout.</summary>
    public static GenericChart Chart(Layout layout, params Trace[] traces) =>
        GenericChart.setLayout(layout, GenericChart.ofTraceObjects(false, traces));

    /// <summary>An ordered attribute dictionary: plotly.js attribute name → value.</summary>
    public static Dictionary<string, object> Props(params (string Name, object Value)[] properties)
    {
        var dictionary = new Dictionary<string, object>(properties.Length, StringComparer.Ordinal);
        foreach (var (name, value) in properties) dictionary[name] = value;
        return dictionary;
    }
}
