using DriverNotebooks.Commands;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Execution;
using DriverNotebooks.Runner.Handouts;
using DriverNotebooks.Runner.Rendering;

namespace DriverNotebooks.Cli;

/// <summary>
/// <c>drivernb render PATH... [-o DIR]</c>: runs notebooks headless and writes, per notebook,
/// <c>NAME.ipynb</c> with outputs and a self-contained <c>NAME.html</c> handout (and <c>NAME.pdf</c>
/// with <c>--pdf</c>). Exit codes: 0 all rendered, 1 a cell failed (unless <c>--allow-errors</c>), timed
/// out or a PDF could not be printed, 2 bad usage or a malformed notebook, 130 cancelled.
/// </summary>
internal sealed class RenderVerb : ICliVerb
{
    public static readonly OptionDefinition Output = new("--output", "Folder to write NAME.ipynb, NAME.html (and NAME.pdf) into; created when missing.")
    {
        Aliases = ["-o"],
        ValueName = "DIR",
        DefaultValue = "handouts",
    };

    public static readonly OptionDefinition Timeout = new("--timeout", "How long one cell may run, e.g. 30s, 500ms, 2m; a cell past it fails and its notebook stops.")
    {
        ValueName = "DURATION",
        DefaultValue = "120s",
    };

    public static readonly OptionDefinition AllowErrors = new("--allow-errors", "Run every cell even after one fails, and exit 0; the errors stay in the outputs.")
    {
        IsFlag = true,
        ValueName = "",
    };

    public static readonly OptionDefinition Pdf = new("--pdf", "Also print each handout to NAME.pdf with headless Chromium.")
    {
        IsFlag = true,
        ValueName = "",
    };

    public static readonly OptionDefinition NoChartImages = new("--no-chart-images", "Store charts in NAME.ipynb without their static SVG images (drawn with headless Chromium for viewers that run no script, such as GitHub's).")
    {
        IsFlag = true,
        ValueName = "",
    };

    public static readonly OptionDefinition Paper = new("--paper", "Paper the handout is laid out and printed for.")
    {
        AllowedValues = ["a4", "letter"],
        DefaultValue = "a4",
    };

    public CommandDefinition Definition { get; } = new()
    {
        Name = "render",
        CliPath = ["render"],
        Description = "Run notebooks (.dib, .ipynb) headless and write each one's outputs as NAME.ipynb and a self-contained HTML handout.",
        Arguments = [new ArgumentDefinition("PATH", "A notebook, or a folder whose .dib and .ipynb notebooks are all rendered.") { Required = true, AllowMultiple = true }],
        Options = [Output, Timeout, AllowErrors, Pdf, Paper, NoChartImages],
        Examples =
        [
            "notebooks -o handouts",
            "notebooks/usb-throughput.dib -o out --pdf --paper letter",
            "demo.ipynb --timeout 30s --allow-errors",
        ],
    };

    public async Task<int> RunAsync(CommandArguments arguments, CliContext context)
    {
        // Decide how to report before any cell runs: cells' console text is captured from then on.
        Runner.StartupTiming.Mark("verb start");
        var report = RenderReport.Create(context, showProgress: arguments.Positionals.Any(Directory.Exists) || arguments.Positionals.Count > 1);
        // Start the slow first-time work now, while the notebooks are found and read (only where cells will run).
        if (IsolatedRender.IsChild)
        {
            _ = RunnerWarmup.StartCharts();
            _ = RunnerWarmup.StartCompiler();
        }

        var output = arguments.Value(Output)!;
        if (string.IsNullOrWhiteSpace(output)) throw arguments.BadValue(Output, output, "empty; allowed: a folder path (created when missing), e.g. handouts");
        var options = new RenderOptions
        {
            OutputDirectory = arguments.Convert(Output, Path.GetFullPath)!,
            CellTimeout = arguments.Convert(Timeout, Durations.Parse),
            AllowErrors = arguments.Flag(AllowErrors),
            Pdf = arguments.Flag(Pdf),
            Paper = arguments.Value(Paper) == "letter" ? PaperSize.Letter : PaperSize.A4,
            ChartImages = !arguments.Flag(NoChartImages),
        };
        if (options.Pdf && Chromium.Find() is null) throw new CommandLineException(PdfPrinter.MissingChromium);

        IReadOnlyList<string> paths;
        try
        {
            paths = NotebookDiscovery.Find(arguments.Positionals);
        }
        catch (NotebookDiscoveryException e)
        {
            throw new CommandLineException(e.Message);
        }
        foreach (var path in paths)
        {
            // Before any cell runs: a folder that cannot take the outputs fails now, not after the work.
            if (NotebookRenderer.OutputProblem(path, options) is { } problem) throw new CommandLineException(problem);
        }

        // Every notebook renders in a process of its own, a single one too: a stack overflow in a cell (which .NET
        // cannot catch) then ends that process, and this one reports it in one line.
        if (!IsolatedRender.IsChild) return await IsolatedRender.RunAsync(paths, ChildOptions(arguments, options), context);

        var notebooks = ReadAll(paths, context);
        if (notebooks is null) return CommandLineException.ExitCode;
        Runner.StartupTiming.Mark("notebooks read");
        if (!notebooks.Any(n => n.NeedsCompiler)) RunnerWarmup.CancelCompiler();

        var results = await report.RenderAllAsync(notebooks, options, context.CancellationToken);
        Runner.StartupTiming.Mark("done");
        return results.Any(r => r.Failed(options)) ? 1 : 0;
    }

    /// <summary>The options a notebook's own process gets when several are rendered (<see cref="IsolatedRender"/>).</summary>
    private static IReadOnlyList<string> ChildOptions(CommandArguments arguments, RenderOptions options)
    {
        var child = new List<string> { Output.Name, options.OutputDirectory };
        if (arguments.Value(Timeout) is { } timeout) child.AddRange([Timeout.Name, timeout]);
        if (arguments.Value(Paper) is { } paper) child.AddRange([Paper.Name, paper]);
        foreach (var flag in new[] { AllowErrors, Pdf, NoChartImages })
        {
            if (arguments.Flag(flag)) child.Add(flag.Name);
        }
        return child;
    }

    /// <summary>Reads every notebook before running any, so a malformed one stops the command before it writes.</summary>
    private static List<Notebook>? ReadAll(IReadOnlyList<string> paths, CliContext context)
    {
        var notebooks = new List<Notebook>(paths.Count);
        var malformed = false;
        foreach (var path in paths)
        {
            try
            {
                notebooks.Add(NotebookReader.Read(path));
            }
            catch (NotebookFormatException e)
            {
                context.Error.WriteLine($"drivernb render: {e.Message}");
                malformed = true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"drivernb render: {path}: cannot read it: {e.Message}");
                malformed = true;
            }
        }
        return malformed ? null : notebooks;
    }
}
