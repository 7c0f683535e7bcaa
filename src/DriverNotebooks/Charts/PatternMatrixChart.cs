using DriverNotebooks.Kmdf;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// The pattern matrix as a heatmap: rows are where cleanup lives, where globals are allocated and whether frees are
/// guarded; columns are where DriverEntry fails; a cell shows how many findings it has (what they are is in the card's table).
/// </summary>
public static class PatternMatrixChart
{
    public static GenericChart Create(PatternMatrixResult matrix)
    {
        var failures = Enum.GetValues<DriverEntryFailure>();
        var rows = (from cleanup in Enum.GetValues<CleanupLocation>()
                    from globals in Enum.GetValues<GlobalsPlacement>()
                    from guard in Enum.GetValues<FreeGuard>()
                    select (cleanup, globals, guard)).ToList();

        var z = rows.Select(r => failures.Select(f => (double)matrix[r.cleanup, f, r.globals, r.guard].Result.Findings.Count).ToArray()).ToArray();
        var text = z.Select(row => row.Select(n => n.ToString("0", System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();

        var heatmap = new Trace2D("heatmap");
        heatmap.SetProperty("z", z);
        heatmap.SetProperty("x", failures.Select(TickName).ToArray());
        heatmap.SetProperty("y", rows.Select(r => RowName(r.cleanup, r.globals, r.guard)).ToArray());
        heatmap.SetProperty("text", text);
        heatmap.SetProperty("texttemplate", "%{text}");
        heatmap.SetProperty("textfont", Figure.Props(("size", 13), ("color", "#1a1a1a")));
        heatmap.SetProperty("hovertext", rows.Select(r => failures.Select(f => CellText(matrix[r.cleanup, f, r.globals, r.guard])).ToArray()).ToArray());
        heatmap.SetProperty("hoverinfo", "text");
        heatmap.SetProperty("colorscale", new object[] { new object[] { 0, "#d8efd9" }, new object[] { 0.001, "#fbe3c2" }, new object[] { 1, "#e0553b" } });
        heatmap.SetProperty("zmin", 0);
        heatmap.SetProperty("colorbar", Figure.Props(("title", Figure.Props(("text", "findings"))), ("dtick", 1)));
        heatmap.SetProperty("xgap", 2);
        heatmap.SetProperty("ygap", 2);
        heatmap.SetProperty("name", "pattern matrix");

        var layout = Figure.Layout("Findings per combination (0 = clean)", "DriverEntry fails…", "", height: 410);
        var yAxis = Figure.Axis("");
        yAxis["autorange"] = "reversed";
        yAxis["automargin"] = true;
        layout.SetProperty("yaxis", yAxis);
        var xAxis = Figure.Axis("DriverEntry fails… (create: WdfDriverCreate)");
        xAxis["automargin"] = true;
        // Horizontal two-line labels: rotated one-line labels overlapped at print width.
        xAxis["tickangle"] = 0;
        layout.SetProperty("xaxis", xAxis);
        layout.SetProperty("margin", Figure.Props(("l", 20), ("r", 20), ("t", 50), ("b", 70)));
        return Figure.Chart(layout, heatmap);
    }

    public static string FailureName(DriverEntryFailure failure) => failure switch
    {
        DriverEntryFailure.BeforeWdfDriverCreate => "before WdfDriverCreate",
        DriverEntryFailure.WdfDriverCreate => "in WdfDriverCreate",
        DriverEntryFailure.AfterWdfDriverCreate => "after WdfDriverCreate",
        DriverEntryFailure.BetweenGlobals => "between the globals",
        _ => "never",
    };

    /// <summary>
    /// A column's label, short and on two lines ("before", line break, "create"), so five fit side by side unrotated under
    /// the narrow columns; the axis title says that "create" is WdfDriverCreate.
    /// </summary>
    private static string TickName(DriverEntryFailure failure) => failure switch
    {
        DriverEntryFailure.BeforeWdfDriverCreate => "before<br>create",
        DriverEntryFailure.WdfDriverCreate => "in<br>create",
        DriverEntryFailure.AfterWdfDriverCreate => "after<br>create",
        DriverEntryFailure.BetweenGlobals => "between<br>globals",
        _ => "never",
    };

    public static string RowName(CleanupLocation cleanup, GlobalsPlacement globals, FreeGuard guard) =>
        $"{(cleanup == CleanupLocation.EvtDriverUnload ? "EvtDriverUnload" : "WDFDRIVER cleanup")}, "
        + $"globals {(globals == GlobalsPlacement.BeforeWdfDriverCreate ? "before" : "after")}, "
        + (guard == FreeGuard.Guarded ? "guarded" : "unguarded");

    public static string CellText(PatternCell cell) =>
        cell.IsClean ? "clean" : string.Join(", ", cell.Result.Findings.Select(f => $"{FaultSweepChart.FindingName(f.Kind)} {f.Resource}"));
}
