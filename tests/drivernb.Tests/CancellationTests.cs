using System.Diagnostics;
using System.Runtime.InteropServices;
using DriverNotebooks.Cli;

namespace DriverNotebooks.Cli.Tests;

/// <summary>Ctrl-C, as a terminal delivers it (SIGINT to the process), during long work.</summary>
public sealed class CancellationTests
{
    private const int Sigint = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static Process Start(params string[] arguments) => Process.Start(DrivernbProcess.StartInfo(arguments))!;

    [SkippableFact]
    public async Task Ctrl_C_stops_a_long_simulation_inside_its_loop_and_exits_130()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGINT is a POSIX signal");
        // Given: a simulation of a million seconds of bus time (minutes of work), well under way
        using var process = Start("usb", "simulate", "--speed", "high", "--type", "interrupt", "--max-packet", "1024", "--duration", "1000000s");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(process.HasExited, "the simulation ended before it could be interrupted");

        // When
        var sent = Stopwatch.StartNew();
        Assert.Equal(0, Kill(process.Id, Sigint));
        var exited = process.WaitForExit(TimeSpan.FromSeconds(20));
        if (!exited) process.Kill(entireProcessTree: true);

        // Then: the engine noticed (it polls every few milliseconds) and the CLI said so in one line
        Assert.True(exited, "drivernb kept simulating after Ctrl-C");
        Assert.Equal(130, process.ExitCode);
        Assert.EndsWith("drivernb usb simulate: cancelled", (await error).Trim());
        Assert.Equal("", await output);
        Assert.True(sent.Elapsed < TimeSpan.FromSeconds(10), $"took {sent.Elapsed.TotalSeconds:F1} s to stop");
    }

    [SkippableFact]
    public async Task Ctrl_C_during_a_render_whose_cell_ignores_it_abandons_the_cell_writes_nothing_and_exits_130()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGINT is a POSIX signal");
        // Given: a render whose cell spins without looking at its token
        using var folder = new TempFolder();
        var input = folder.Write("spin.dib", "#!csharp\n\nConsole.WriteLine(\"spinning\");\nwhile (true) { }\n");
        using var process = Start("render", input, "-o", folder.File("out"), "--timeout", "10m");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.False(process.HasExited, "the render ended before it could be interrupted");

        // When
        Assert.Equal(0, Kill(process.Id, Sigint));
        var exited = process.WaitForExit(TimeSpan.FromSeconds(20));
        if (!exited) process.Kill(entireProcessTree: true);

        // Then: the cell is abandoned (its thread cannot be stopped) and nothing is written
        Assert.True(exited, "drivernb kept running after Ctrl-C");
        Assert.Equal(130, process.ExitCode);
        Assert.EndsWith("drivernb render: cancelled", (await error).Trim());
        Assert.False(Directory.Exists(folder.File("out")) && Directory.EnumerateFiles(folder.File("out")).Any(), "a cancelled render wrote outputs");
        _ = await output;
    }
}
