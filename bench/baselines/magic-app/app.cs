#:project ../../../src/DriverNotebooks/DriverNotebooks.csproj
#:project ../../../src/DriverNotebooks.Usb/DriverNotebooks.Usb.csproj
#:project ../../../src/DriverNotebooks.Kmdf/DriverNotebooks.Kmdf.csproj
#:property TreatWarningsAsErrors=false
#:property NoWarn=$(NoWarn);NU1603
#:property JsonSerializerIsReflectionEnabledByDefault=true

// The path Microsoft recommends to former Polyglot Notebooks users: a .NET 10 file-based app
// (`dotnet run app.cs`) that runs the same simulations and charts as bench/baselines/magic-only.dib
// and writes the chart's HTML. It goes through the same magic-command lines, so both sides do the
// same work; swap in the notebook layer's C# API when it is the more natural way to write it.
// Usage: dotnet run app.cs -- OUTPUT.html
using DriverNotebooks.Charts;
using DriverNotebooks.Commands;
using DriverNotebooks.Formatting;

string[] lines =
[
    "#!usb-sweep --speed high --type bulk --max-packet 512 --pending 1..10 --duration 100ms --seeds 3",
    "#!kmdf-lifecycle --scenario cleanup-in-evtdriverunload",
];
var output = args.Length > 0 ? args[0] : "magic-app.html";
var html = new System.Text.StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
using (ChartDocument.Begin(embedLibraryInFirstChart: true))
{
    foreach (var line in lines)
    {
        var result = MagicCommands.Run(line);
        if (result.Error is not null)
        {
            Console.Error.WriteLine(result.Error);
            return 1;
        }
        foreach (var value in result.Values) html.Append(NotebookFormatters.Format(value)[0].Text).Append('\n');
    }
}
File.WriteAllText(output, html.Append("</body></html>\n").ToString());
return 0;
