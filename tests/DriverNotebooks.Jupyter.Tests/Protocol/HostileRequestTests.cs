using System.Text.Json.Nodes;
using DriverNotebooks.Jupyter.Tests.Support;

namespace DriverNotebooks.Jupyter.Tests.Protocol;

/// <summary>Requests and cells written to hurt the kernel: each is answered, and the kernel serves the next cell as before.</summary>
public sealed class HostileRequestTests
{
    [Fact]
    public void A_request_over_the_message_limit_gets_an_error_reply_naming_the_limit_and_is_not_run()
    {
        // Given
        using var kernel = KernelProcess.Start();
        using var client = kernel.Connect();
        client.WaitUntilReady(TimeSpan.FromSeconds(60));
        var code = "Console.WriteLine(\"ran\");\n//" + new string('x', KernelLimits.MaxMessageBytes);

        // When
        var refused = client.Execute(code, timeout: TimeSpan.FromSeconds(60));
        var next = client.Execute("1 + 1");

        // Then
        Assert.Equal("error", refused.Status);
        Assert.Equal("MessageTooLarge", (string?)refused.Content["ename"]);
        Assert.Contains($"at most {KernelLimits.MaxMessageBytes:N0} bytes", (string?)refused.Content["evalue"]);
        Assert.Contains($"at most {KernelLimits.MaxMessageBytes:N0} bytes", (string?)refused.Published(MessageTypes.Error).Single()["evalue"]);
        Assert.Empty(refused.Published(MessageTypes.Stream));
        Assert.Equal("ok", next.Status);
    }

    [Fact]
    public void A_cell_that_silences_the_console_does_not_silence_later_cells()
    {
        // Given
        using var kernel = KernelProcess.Start();
        using var client = kernel.Connect();
        client.WaitUntilReady(TimeSpan.FromSeconds(60));
        client.Execute("Console.SetOut(System.IO.TextWriter.Null);");

        // When
        var later = client.Execute("Console.WriteLine(\"still heard\");");

        // Then
        Assert.Equal("ok", later.Status);
        Assert.Equal("still heard\n", (string?)later.Published(MessageTypes.Stream).Single()["text"]);
    }

    [Fact]
    public void A_foreground_thread_started_by_a_cell_does_not_keep_the_kernel_alive_after_shutdown_reply()
    {
        // Given
        using var kernel = KernelProcess.Start();
        using var client = kernel.Connect();
        client.WaitUntilReady(TimeSpan.FromSeconds(60));
        client.Execute("new System.Threading.Thread(() => System.Threading.Thread.Sleep(-1)) { IsBackground = false }.Start();");

        // When
        var shutdown = client.Request(KernelChannel.Control, MessageTypes.ShutdownRequest, new JsonObject { ["restart"] = false }, TimeSpan.FromSeconds(10));
        var exited = kernel.WaitForExit(TimeSpan.FromSeconds(20));

        // Then
        Assert.Equal(MessageTypes.ShutdownReply, shutdown.Reply.MsgType);
        Assert.True(exited, "the kernel kept running after shutdown_reply");
        Assert.Equal(0, kernel.Process.ExitCode);
    }
}
