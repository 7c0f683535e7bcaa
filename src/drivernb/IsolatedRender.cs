using System.Diagnostics;
using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli;

/// <summary>
/// Renders several notebooks each in a <c>drivernb render</c> process of its own, one after another, so
/// that one notebook cannot take the others down: a malformed file, a cell that calls
/// <c>Environment.Exit</c>, or a stack overflow (which .NET cannot catch) ends only its own process. Each
/// child's lines are passed on as it writes them; a child that dies is reported as that notebook's failure.
/// </summary>
internal static class IsolatedRender
{
    /// <summary>Exit codes a child uses on its own: done, a cell failed, bad input, cancelled.</summary>
    private static readonly int[] OwnExitCodes = [0, 1, CommandLineException.ExitCode, 130];

    /// <summary>A child's stderr kept at most: its own messages are a few lines; a crash report is cut.</summary>
    private const int MaxErrorLines = 200;

    /// <summary>Set in a child's environment: it renders its notebook itself instead of starting another process.</summary>
    public const string ChildVariable = "DRIVERNB_RENDER_CHILD";

    /// <summary>True in a process started by <see cref="RunAsync"/> for one notebook.</summary>
    public static bool IsChild => Environment.GetEnvironmentVariable(ChildVariable) == "1";

    /// <param name="paths">The notebooks, in order.</param>
    /// <param name="childOptions">The options every child gets (output folder made absolute, timeout, flags).</param>
    /// <returns>
    /// The command's exit code: 0 when every notebook rendered, 1 when any failed, 130 when cancelled; for a single
    /// notebook its child's own exit code (2 for a malformed notebook), or 1 when the child died.
    /// </returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> paths, IReadOnlyList<string> childOptions, CliContext context)
    {
        var failed = 0;
        var lastExitCode = 0;
        foreach (var path in paths)
        {
            if (context.CancellationToken.IsCancellationRequested) break;
            var (exitCode, rendered, errors) = await RenderOneAsync(path, childOptions, context);
            if (exitCode == 130) throw new OperationCanceledException(context.CancellationToken);
            var finished = OwnExitCodes.Contains(exitCode) && (exitCode != 0 || rendered);
            if (finished)
            {
                foreach (var line in errors) context.Error.WriteLine(line);
                if (exitCode != 0) failed++;
                lastExitCode = exitCode;
                continue;
            }
            lastExitCode = 1;
            // It died: its stderr is the runtime's crash report (a stack overflow prints thousands of frames), not ours.
            failed++;
            var what = errors.FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
            context.Error.WriteLine(Phrases.OneLine(
                $"failed    {path}: its drivernb process ended with exit code {exitCode} before finishing" +
                (what is null ? "" : $" ({what})") +
                "; a cell called Environment.Exit or crashed the process (e.g. a stack overflow), and its outputs were not written"));
        }
        context.CancellationToken.ThrowIfCancellationRequested();
        if (paths.Count == 1) return lastExitCode;
        context.Out.WriteLine($"{paths.Count} notebooks: {paths.Count - failed} rendered, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Runs one child: its stdout is passed on as it comes (progress), its stderr kept for the caller.</summary>
    private static async Task<(int ExitCode, bool Rendered, IReadOnlyList<string> Errors)> RenderOneAsync(string path, IReadOnlyList<string> childOptions, CliContext context)
    {
        var start = DrivernbProcess.StartInfo(["render", path, .. childOptions]);
        start.Environment[ChildVariable] = "1";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start drivernb for a notebook");
        var rendered = false;
        var errors = new List<string>();
        var gate = new object();
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (gate)
            {
                if (e.Data.StartsWith("rendered ", StringComparison.Ordinal)) rendered = true;
                context.Out.WriteLine(e.Data);
            }
        };
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (gate)
            {
                if (errors.Count < MaxErrorLines) errors.Add(e.Data);
            }
        };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        try
        {
            await child.WaitForExitAsync(context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(CancellationToken.None);
            return (130, false, []);
        }
        // WaitForExitAsync returns once the process has exited and its redirected output is read to the end.
        lock (gate) return (child.ExitCode, rendered, [.. errors]);
    }
}
