using System.Text.Json.Nodes;
using DriverNotebooks.Jupyter.Tests.Support;

namespace DriverNotebooks.Jupyter.Tests.Protocol;

/// <summary>What needs a kernel process of its own: ending it, signalling it, and its first chart.</summary>
public sealed class KernelLifetimeTests
{
    private const string ChartCell = "#!usb-throughput --speed high --type interrupt --max-packet 1024 --transfer 1024 --pending 4 --turnaround 100us";
    private const string PlotlyScript = "id=\"drivernb-plotly-js\"";
    private const string Chart = "class=\"drivernb-chart\"";

    [Fact]
    public void A_shutdown_request_is_answered_published_and_the_process_exits_0()
    {
        // Given
        using var kernel = KernelProcess.Start();
        using var client = kernel.Connect();
        client.WaitUntilReady(TimeSpan.FromSeconds(60));

        // When
        var shutdown = client.Request(KernelChannel.Control, MessageTypes.ShutdownRequest, new JsonObject { ["restart"] = true }, TimeSpan.FromSeconds(10));
        var exited = kernel.WaitForExit(TimeSpan.FromSeconds(10));

        // Then
        Assert.Equal(MessageTypes.ShutdownReply, shutdown.Reply.MsgType);
        Assert.True((bool)shutdown.Content["restart"]!);
        Assert.Equal([MessageTypes.Status, MessageTypes.ShutdownReply, MessageTypes.Status], shutdown.IopubTypes);
        Assert.True(exited, "the kernel process did not exit after shutdown_reply");
        Assert.Equal(0, kernel.Process.ExitCode);
    }

    [Fact]
    public void A_cell_that_calls_Environment_Exit_gets_an_error_and_a_reply_saying_so_before_the_kernel_exits()
    {
        // Given
        using var kernel = KernelProcess.Start();
        using var client = kernel.Connect();
        client.WaitUntilReady(TimeSpan.FromSeconds(60));

        // When
        var exchange = client.Execute("Console.WriteLine(\"leaving\");\nEnvironment.Exit(0);", timeout: TimeSpan.FromSeconds(30));
        var exited = kernel.WaitForExit(TimeSpan.FromSeconds(15));

        // Then: the front end learns why, instead of waiting on a cell that never replies
        Assert.Equal("error", exchange.Status);
        Assert.Equal("KernelExited", (string?)exchange.Content["ename"]);
        var error = exchange.Published(MessageTypes.Error).Single();
        Assert.StartsWith("the cell ended the kernel's process (Environment.Exit)", (string?)error["evalue"]);
        Assert.Equal("leaving\n", (string?)exchange.Published(MessageTypes.Stream).Single()["text"]);
        Assert.True(exited, "the kernel did not exit");
    }

    [SkippableFact]
    public void A_kernel_whose_jupyter_client_died_stops_by_itself()
    {
        Skip.If(OperatingSystem.IsWindows(), "on Windows JPY_PARENT_PID is a handle, not a process id");

        // Given: a kernel started by a "client" process that then dies, as jupyter_client names itself in JPY_PARENT_PID
        using var client = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        using var kernel = KernelProcess.Start(new Dictionary<string, string> { ["JPY_PARENT_PID"] = client.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using (var connection = kernel.Connect()) connection.WaitUntilReady(TimeSpan.FromSeconds(60));

        // When
        client.Kill();
        client.WaitForExit();
        var exited = kernel.WaitForExit(TimeSpan.FromSeconds(15));

        // Then
        Assert.True(exited, "the kernel outlived its client");
        Assert.Equal(0, kernel.Process.ExitCode);
        Assert.Contains($"the Jupyter client (process {client.Id}) is gone; stopping", kernel.Stderr);
    }

    [SkippableFact]
    public void Sigint_interrupts_the_running_cell_and_the_kernel_lives_on()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGINT is a POSIX signal");

        // Given: a cooperative cell running
        using var kernel = KernelProcess.Start();
        using var client = kernel.Connect();
        client.WaitUntilReady(TimeSpan.FromSeconds(60));
        var running = client.Send(KernelChannel.Shell, MessageTypes.ExecuteRequest, new JsonObject
        {
            ["code"] = "Console.WriteLine(\"running\");\nwhile (!CancellationToken.IsCancellationRequested) System.Threading.Thread.Sleep(10);",
        });
        client.WaitForOutput(running, "running", KernelClient.DefaultTimeout);

        // When
        var kill = ExternalProcess.Run("kill", ["-INT", kernel.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var reply = KernelClient.ContentOf(client.ReplyTo(KernelChannel.Shell, running, TimeSpan.FromSeconds(20)));

        // Then
        Assert.Equal(0, kill.ExitCode);
        Assert.Equal("Interrupted", (string?)reply["ename"]);
        Assert.False(kernel.Process.HasExited);
        Assert.Equal("ok", client.Execute("2 + 2").Status);
    }

    [Fact]
    public void Plotly_js_comes_again_when_the_cell_that_carried_it_is_run_again()
    {
        // Given: VS Code names the cell in each request's metadata
        using var kernel = KernelProcess.Start();
        using var client = kernel.Connect();
        client.WaitUntilReady(TimeSpan.FromSeconds(60));

        // When
        var first = ChartHtml(client.Execute(ChartCell, cellId: "cell-a"));
        var other = ChartHtml(client.Execute(ChartCell, cellId: "cell-b"));
        var rerun = ChartHtml(client.Execute(ChartCell, cellId: "cell-a"));
        var afterRerun = ChartHtml(client.Execute(ChartCell, cellId: "cell-b"));

        // Then: the re-run replaces the output that carried the library, so it carries it again
        Assert.Equal([1, 0, 1, 0], new[] { first, other, rerun, afterRerun }.Select(h => Occurrences(h, PlotlyScript)));
    }

    [Fact]
    public void Plotly_js_comes_with_the_first_chart_of_each_kernel_process_and_only_with_it()
    {
        // Given
        var first = new List<string>();
        using (var kernel = KernelProcess.Start())
        using (var client = kernel.Connect())
        {
            client.WaitUntilReady(TimeSpan.FromSeconds(60));

            // When: two charts in one kernel
            first.Add(ChartHtml(client.Execute(ChartCell)));
            first.Add(ChartHtml(client.Execute(ChartCell)));
        }
        // and one in a restarted kernel (a new process)
        string restarted;
        using (var kernel = KernelProcess.Start())
        using (var client = kernel.Connect())
        {
            client.WaitUntilReady(TimeSpan.FromSeconds(60));
            restarted = ChartHtml(client.Execute(ChartCell));
        }

        // Then
        Assert.All(first.Append(restarted), html => Assert.Contains(Chart, html));
        Assert.Equal(1, Occurrences(first[0], PlotlyScript));
        Assert.True(first[0].IndexOf(PlotlyScript, StringComparison.Ordinal) < first[0].IndexOf(Chart, StringComparison.Ordinal));
        Assert.Equal(0, Occurrences(first[1], PlotlyScript));
        Assert.Equal(1, Occurrences(restarted, PlotlyScript));
    }

    private static string ChartHtml(Exchange exchange)
    {
        Assert.Equal("ok", exchange.Status);
        return string.Concat(exchange.Published(MessageTypes.DisplayData).Select(d => (string?)d["data"]!["text/html"]));
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
