using DriverNotebooks.Kmdf.Scan;

namespace DriverNotebooks.Commands.Kmdf;

/// <summary>The <c>--json</c> contract of <c>drivernb kmdf scan</c>: explicit records, so the scanner's types can change without changing what scripts parse.</summary>
public static class KmdfScanJson
{
    public sealed record ScanJson(int ExitCode, int Drivers, int DriversWithFindings, int Findings, IReadOnlyList<DriverJson> Results, IReadOnlyList<string> BadInputs);

    public sealed record DriverJson(
        string Folder,
        string Entry,
        string File,
        int Line,
        string CreatingFunction,
        bool Clean,
        IReadOnlyList<FindingJson> Findings,
        IReadOnlyList<string> Checked,
        IReadOnlyList<string> Notes,
        IReadOnlyList<string> UnresolvedIncludes,
        int ParseErrors,
        string Scenario,
        KmdfJson.SweepJson Sweep);

    public sealed record FindingJson(string Kind, string File, int Line, string Resource, string Message);

    public static ScanJson Report(ScanReport report) => new(
        report.ExitCode,
        report.Drivers.Count,
        report.Drivers.Count(d => !d.IsClean),
        report.FindingCount,
        report.Drivers.Select(Driver).ToList(),
        report.BadInputs);

    private static DriverJson Driver(DriverScan d)
    {
        var a = d.Analysis;
        return new DriverJson(
            d.Folder,
            a.Model.Entry.Name,
            a.Model.Entry.SourceFile,
            a.Model.Entry.Line,
            a.Model.CreatingFunction,
            d.IsClean,
            d.Findings.Select(f => new FindingJson(f.Kind.ToString(), f.SourceFile, f.Line, f.Resource, f.Message)).ToList(),
            a.Checked,
            a.Scenario.Notes,
            d.UnresolvedIncludes,
            d.ParseErrors,
            a.Scenario.Json,
            KmdfJson.Sweep(a.Sweep));
    }
}
