using DriverNotebooks.Kmdf;
using DriverNotebooks.Kmdf.Scan;
using DriverNotebooks.Kmdf.Scan.Findings;

namespace DriverNotebooks.Formatting;

/// <summary>The card of <c>#!kmdf-scan</c>: the verdict, every finding by file and line, and per driver what was checked.</summary>
internal static class KmdfScanCards
{
    /// <summary>With more drivers than this the card shows the summary table and no per-driver charts.</summary>
    public const int MaxDriversWithCharts = 1;

    public static ResultCard Scan(ScanReport report)
    {
        var title = report.Drivers.Count == 1 ? $"KMDF source scan: {report.Drivers[0].Folder}" : $"KMDF source scan: {report.Drivers.Count} drivers";
        var card = new ResultCard(title);
        var withFindings = report.Drivers.Count(d => !d.IsClean);
        if (report.Drivers.Count == 0)
        {
            card.Verdict("Nothing was scanned: no input held a KMDF driver.");
        }
        else if (report.FindingCount == 0)
        {
            card.Verdict(report.Drivers.Count == 1
                ? $"Clean: {string.Join("; ", report.Drivers[0].Analysis.Checked)}."
                : $"Clean: none of the {report.Drivers.Count} drivers leaks or misuses a resource on any failure point of DriverEntry or at unload.");
        }
        else
        {
            card.Verdict($"{report.FindingCount} findings in {withFindings} of {report.Drivers.Count} drivers.");
        }
        card.Number("Drivers scanned", report.Drivers.Count.ToString())
            .Number("Drivers with findings", withFindings.ToString())
            .Number("Findings", report.FindingCount.ToString())
            .Number("Failure points swept", report.Drivers.Sum(d => d.Analysis.Sweep.Points.Count).ToString());
        if (report.BadInputs.Count > 0) card.Number("Inputs not scanned", report.BadInputs.Count.ToString());

        if (report.FindingCount > 0)
        {
            var findings = new ResultTable("Findings", "Where", "Kind", "What goes wrong");
            foreach (var f in report.Drivers.SelectMany(d => d.Findings)) findings.Row($"{f.SourceFile}:{f.Line}", Kind(f.Kind), f.Message);
            card.Table(findings);
        }
        if (report.Drivers.Count > 1)
        {
            var summary = new ResultTable("Drivers", "Folder", "Entry", "Mode", "Failure points", "Findings");
            foreach (var d in report.Drivers)
            {
                var mode = d.Analysis.Scenario.Scenario.DriverEntry.Steps.OfType<WdfDriverCreateStep>().FirstOrDefault()?.Mode.ToString() ?? "";
                summary.Row(d.Folder, d.Analysis.Model.Entry.Name, mode, d.Analysis.Sweep.Points.Count.ToString(), d.IsClean ? "clean" : d.Findings.Count.ToString());
            }
            card.Table(summary, collapsed: report.FindingCount > 0);
        }
        else if (report.Drivers.Count == 1)
        {
            Single(card, report.Drivers[0]);
        }
        if (report.BadInputs.Count > 0)
        {
            var bad = new ResultTable("Inputs not scanned", "Why");
            foreach (var line in report.BadInputs) bad.Row(line);
            card.Table(bad);
        }
        return card;
    }

    private static void Single(ResultCard card, DriverScan driver)
    {
        var a = driver.Analysis;
        card.Lead($"{a.Model.Entry.Name} at {a.Model.Entry.SourceFile}:{a.Model.Entry.Line}"
            + (a.Model.CreatingFunction != a.Model.Entry.Name ? $", which creates the WDFDRIVER through {a.Model.CreatingFunction}" : "")
            + $"; scenario '{a.Scenario.Scenario.Name}' (write it out with --write-scenarios DIR, edit, re-run with kmdf faults --scenario FILE).");
        var table = new ResultTable("Each failure point of DriverEntry", "Failing step", "Source", "Leaked", "Other findings");
        foreach (var point in a.Sweep.Points.Where(p => p.FailedSteps.Count == 1))
        {
            var source = a.Scenario.SourceOfStepId(point.FailedSteps[0]);
            table.Row(point.FailedSteps[0],
                source is null ? "" : $"{source.SourceFile}:{source.Line}" + (source.IsFailurePoint && source.Ending == Kmdf.Scan.Extraction.FailureEnding.ReturnsFailure || source.Action == Kmdf.Scan.Extraction.SourceAction.WdfDriverCreate ? "" : " (not checked: not a failure point)"),
                point.Leaked.Count == 0 ? "—" : string.Join(", ", point.Leaked),
                string.Join(", ", point.Result.Findings.Where(f => f.Kind != FindingKind.Leaked).Select(f => $"{f.Kind} {f.Resource}").DefaultIfEmpty("—")));
        }
        card.Table(table, collapsed: driver.IsClean);
        if (driver.UnresolvedIncludes.Count > 0 || driver.ParseErrors > 0)
        {
            card.Note($"Read without {driver.UnresolvedIncludes.Count} headers ({string.Join(", ", driver.UnresolvedIncludes.Take(6))}{(driver.UnresolvedIncludes.Count > 6 ? ", …" : "")}) and past {driver.ParseErrors} compiler errors (unknown types and macros); what they declare is unknown to the scan.");
        }
        foreach (var note in a.Scenario.Notes.Take(5)) card.Note(note);
    }

    private static string Kind(ScanFindingKind kind) => kind switch
    {
        ScanFindingKind.LeakOnFailurePath => "leak on a failure path",
        ScanFindingKind.LeakAtUnload => "leak at unload",
        ScanFindingKind.LookasideLeftAtUnload => "WDM lookaside list left at unload",
        ScanFindingKind.UnguardedFree => "unguarded free",
        ScanFindingKind.DeadCleanupCallback => "dead cleanup callback",
        ScanFindingKind.IgnoredWdfDriverCreateFailure => "ignored WdfDriverCreate failure",
        _ => "framework diagnostic",
    };
}
