using DriverNotebooks.Kmdf;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// The pattern matrix as a heatmap: rows are where cleanup lives and where globals are allocated,
/// columns are where DriverEntry fails; a cell's colour is how many resources leaked.
/// </summary>
public static class PatternMatrixChart
{
    public static GenericChart Create(PatternMatrixResult matrix)
    {
        var failures = Enum.GetValues<DriverEntryFailure>();
        var rows = (from cleanup in Enum.GetValues<CleanupLocation>()
                    from globals in Enum.GetValues<GlobalsPlacement>()
                    select (cleanup, globals)).ToList();

        var z = rows.Select(r => failures.Select(f => (double)matrix[r.cleanup, f, r.globals].Result.Findings.Count).ToArray()).ToArray();
        var text = rows.Select(r => failures.Select(f => CellText(matrix[r.cleanup, f, r.globals])).ToArray()).ToArray();

        var heatmap = new Trace2D("heatmap");
        heatmap.SetProperty("z", z);
        heatmap.SetProperty("x", failures.Select(FailureName).ToArray());
        heatmap.SetProperty("y", rows.Select(r => RowName(r.cleanup, r.globals)).ToArray());
        heatmap.SetProperty("text", text);
        heatmap.SetProperty("texttemplate", "%{text}");
        heatmap.SetProperty("textfont", Figure.Props(("size", 11), ("color", "#1a1a1a")));
        heatmap.SetProperty("hoverinfo", "text");
        heatmap.SetProperty("colorscale", new object[] { new object[] { 0, "#d8efd9" }, new object[] { 0.001, "#fbe3c2" }, new object[] { 1, "#e0553b" } });
        heatmap.SetProperty("zmin", 0);
        heatmap.SetProperty("colorbar", Figure.Props(("title", Figure.Props(("text", "findings"))), ("dtick", 1)));
        heatmap.SetProperty("xgap", 2);
        heatmap.SetProperty("ygap", 2);
        heatmap.SetProperty("name", "pattern matrix");

        var layout = Figure.Layout("Where global cleanup lives × where DriverEntry fails", "DriverEntry fails…", "", height: 420);
        var yAxis = Figure.Axis("");
        yAxis["autorange"] = "reversed";
        layout.SetProperty("yaxis", yAxis);
        layout.SetProperty("margin", Figure.Props(("l", 230), ("r", 20), ("t", 50), ("b", 70)));
        return Figure.Chart(layout, heatmap);
    }

    public static string FailureName(DriverEntryFailure failure) => failure switch
    {
        DriverEntryFailure.BeforeWdfDriverCreate => "before WdfDriverCreate",
        DriverEntryFailure.WdfDriverCreate => "in WdfDriverCreate",
        DriverEntryFailure.AfterWdfDriverCreate => "after WdfDriverCreate",
        _ => "never (normal unload)",
    };

    public static string RowName(CleanupLocation cleanup, GlobalsPlacement globals) =>
        $"cleanup in {(cleanup == CleanupLocation.EvtDriverUnload ? "EvtDriverUnload" : "WDFDRIVER cleanup")}, globals {(globals == GlobalsPlacement.BeforeWdfDriverCreate ? "before" : "after")}";

    public static string CellText(PatternCell cell) =>
        cell.IsClean ? "clean" : cell.Leaked.Count > 0 ? "leaks " + string.Join(", ", cell.Leaked) : string.Join(", ", cell.Result.Findings.Select(f => $"{f.Kind} {f.Resource}"));
}
