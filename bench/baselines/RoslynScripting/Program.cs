// Baseline: what a plain Roslyn scripting host does with a .dib notebook. It runs the C# cells one
// after another with the same references and imports as drivernb, formats each result with the
// notebook formatters and writes one HTML page with plotly.js embedded. No warm-up, no background work.
// Usage: RoslynScripting NOTEBOOK.dib OUTPUT.html
using System.Text;
using DriverNotebooks.Charts;
using DriverNotebooks.Formatting;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

var cells = File.ReadAllText(args[0]).ReplaceLineEndings("\n")
    .Split("\n#!csharp\n")
    .Skip(1)
    .Select(c => c.Split("\n#!")[0].Trim())
    .Where(c => c.Length > 0)
    .ToList();

var options = ScriptOptions.Default
    .AddReferences("System.Linq", "netstandard")
    .AddReferences(typeof(NotebookFormatters).Assembly, typeof(DriverNotebooks.Usb.UsbSpeed).Assembly, typeof(DriverNotebooks.Kmdf.Scenario).Assembly, typeof(Plotly.NET.GenericChart).Assembly, typeof(DynamicObj.DynamicObj).Assembly)
    .AddImports("System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks");

var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
using (ChartDocument.Begin(embedLibraryInFirstChart: true))
{
    ScriptState<object>? state = null;
    foreach (var cell in cells)
    {
        state = state is null ? await CSharpScript.RunAsync(cell, options) : await state.ContinueWithAsync(cell, options);
        html.Append("<pre>").Append(System.Net.WebUtility.HtmlEncode(cell)).Append("</pre>\n");
        if (state.ReturnValue is { } value)
        {
            html.Append(NotebookFormatters.Format(value)[0].Text).Append('\n');
        }
    }
}
html.Append("</body></html>\n");
File.WriteAllText(args[1], html.ToString());
