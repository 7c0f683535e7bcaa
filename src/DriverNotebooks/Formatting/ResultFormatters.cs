using DriverNotebooks.Charts;
using DriverNotebooks.Commands.Kmdf;
using DriverNotebooks.Kmdf;
using DriverNotebooks.Kmdf.Scan;
using DriverNotebooks.Usb;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace DriverNotebooks.Formatting;

/// <summary>
/// The HTML and text formatters of every result type: HTML shows the card (verdict, key numbers,
/// tables) followed by the result's default chart; text shows the same card for a terminal.
/// </summary>
internal static class ResultFormatters
{
    /// <summary>How each registered result type shows as separate outputs: its card, then each chart on its own.</summary>
    private static readonly Dictionary<Type, Func<object, (ResultCard Card, IEnumerable<GenericChart> Charts)>> Parts = [];

    /// <summary>
    /// Whether a result's HTML carries its charts after the card (the default). The Polyglot extension turns it
    /// off: there a result's charts follow its card as outputs of their own (<see cref="Polyglot.PolyglotExtension"/>).
    /// </summary>
    public static volatile bool ChartsInCardHtml = true;

    /// <summary>Types that display as another value (a fluent description as its analysis).</summary>
    private static readonly Dictionary<Type, Func<object, object>> Aliases = [];

    /// <summary>
    /// The card and charts of <paramref name="value"/> when its type is a registered result (directly or
    /// through what it displays as); false for every other value.
    /// </summary>
    public static bool TryGetParts(object value, out ResultCard card, out IReadOnlyList<GenericChart> charts)
    {
        lock (Parts)
        {
            while (Aliases.TryGetValue(value.GetType(), out var alias)) value = alias(value);
            if (Parts.TryGetValue(value.GetType(), out var parts))
            {
                var (c, cs) = parts(value);
                (card, charts) = (c, [.. cs]);
                return true;
            }
        }
        (card, charts) = (null!, []);
        return false;
    }

    public static void Register()
    {
        RegisterCard<RunResult>(KmdfCards.Run, run => KmdfTraceChart.Create(run));
        RegisterCard<LifecycleReport>(KmdfCards.Report, report => KmdfTraceChart.Create(report.Run, $"KMDF trace: {report.Scenario.Title}"));
        RegisterCard<LifecycleComparison>(KmdfCards.Comparison, c => c.ShowsTraces ? c.Runs.Select(r => KmdfTraceChart.Create(r.Run, $"KMDF trace: {r.Scenario.Title}")) : []);
        // A sweep where no single failure has a finding gets no chart: the verdict says so, and an empty chart adds nothing.
        RegisterCard<FaultSweepResult>(KmdfCards.FaultSweep, sweep => FaultSweepChart.HasFindings(sweep) ? [FaultSweepChart.Create(sweep)] : []);
        RegisterCard<PatternMatrixResult>(KmdfCards.PatternMatrix, PatternMatrixChart.Create);
        RegisterCard<KmdfScenarioCatalog>(Catalog, (Func<KmdfScenarioCatalog, GenericChart>?)null);
        // A scan of one driver shows the same trace and fault-sweep charts as kmdf faults; a folder of many shows the table.
        RegisterCard<ScanReport>(KmdfScanCards.Scan, report => report.Drivers.Count is > 0 and <= KmdfScanCards.MaxDriversWithCharts
            ? report.Drivers.SelectMany(d => (IEnumerable<GenericChart>)[
                KmdfTraceChart.Create(d.Analysis.Baseline, $"KMDF trace: {d.Analysis.Scenario.Scenario.Name} (load, unload)"),
                .. FaultSweepChart.HasFindings(d.Analysis.Sweep) ? [FaultSweepChart.Create(d.Analysis.Sweep)] : Array.Empty<GenericChart>()])
            : []);

        RegisterCard<ThroughputView>(UsbCards.Throughput, ThroughputChart.Create);
        RegisterCard<ThroughputReport>(r => UsbCards.Throughput(new ThroughputView(r)), r => ThroughputChart.Create(new ThroughputView(r)));
        RegisterCard<SimulationView>(UsbCards.Simulation, SimulationCharts.Create);
        RegisterCard<SimulationResult>(r => UsbCards.Simulation(new SimulationView(r)), r => SimulationCharts.Create(new SimulationView(r)));
        RegisterCard<SweepView>(UsbCards.Sweep, SweepChart.Create);
        RegisterCard<SweepResult>(r => UsbCards.Sweep(new SweepView(r)), r => SweepChart.Create(new SweepView(r)));
        RegisterCard<AdmissionResult>(UsbCards.Admission, AdmissionChart.Create);
        RegisterCard<CaptureView>(CaptureCards.Capture, CaptureCharts.Create);
        RegisterCard<DescriptorReport>(UsbCards.Descriptors, (Func<DescriptorReport, GenericChart>?)null);

        RegisterTable();

        // The fluent descriptions display as what they describe.
        RegisterAs<UsbEndpoint>(endpoint => endpoint.Analyze());
        RegisterAs<UsbReader>(reader => reader.Analyze());
    }

    private static void RegisterCard<T>(Func<T, ResultCard> card, Func<T, GenericChart>? chart) =>
        RegisterCard(card, chart is null ? null : (Func<T, IEnumerable<GenericChart>>)(value => [chart(value)]));

    private static void RegisterCard<T>(Func<T, ResultCard> card, Func<T, IEnumerable<GenericChart>>? charts)
    {
        lock (Parts) Parts[typeof(T)] = value => (card((T)value), charts?.Invoke((T)value) ?? []);
        Formatter.Register<T>((value, writer) =>
        {
            var built = card(value);
            if (ChartsInCardHtml) foreach (var chart in charts?.Invoke(value) ?? []) built.ChartHtml(ChartHtml.Render(chart));
            writer.Write(built.ToHtml());
        }, FormattedOutput.Html);
        Formatter.Register<T>((value, writer) => writer.Write(card(value).ToText()), FormattedOutput.PlainText);
        Formatter.SetPreferredMimeTypesFor(typeof(T), FormattedOutput.Html);
    }

    private static void RegisterTable()
    {
        static ResultTable Build(TableView view)
        {
            var table = new ResultTable(view.Caption, [.. view.Columns]);
            foreach (var row in view.Rows) table.Row(row);
            return table;
        }
        Formatter.Register<TableView>((view, writer) => writer.Write(Build(view).ToHtml()), FormattedOutput.Html);
        Formatter.Register<TableView>((view, writer) => writer.Write(Build(view).ToText()), FormattedOutput.PlainText);
        Formatter.SetPreferredMimeTypesFor(typeof(TableView), FormattedOutput.Html);
    }

    private static void RegisterAs<T>(Func<T, object> shownAs)
    {
        lock (Parts) Aliases[typeof(T)] = value => shownAs((T)value);
        foreach (var mimeType in new[] { FormattedOutput.Html, FormattedOutput.PlainText })
            Formatter.Register<T>((value, writer) => writer.Write(shownAs(value).ToDisplayString(mimeType)), mimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(T), FormattedOutput.Html);
    }

    private static ResultCard Catalog(KmdfScenarioCatalog catalog)
    {
        var table = new ResultTable("Built-in scenarios", "Name", "Title");
        foreach (var scenario in catalog.Scenarios) table.Row(scenario.Name, scenario.Title);
        return new ResultCard($"{catalog.Scenarios.Count} built-in KMDF scenarios")
            .Note("Run one with #!kmdf-lifecycle --scenario NAME (drivernb kmdf --scenario NAME); sweep its failure points with #!kmdf-faults.")
            .Table(table);
    }
}
