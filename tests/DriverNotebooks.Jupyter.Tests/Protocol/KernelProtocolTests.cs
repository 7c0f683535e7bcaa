using System.Text;
using System.Text.Json.Nodes;
using DriverNotebooks.Jupyter.Tests.Support;

namespace DriverNotebooks.Jupyter.Tests.Protocol;

/// <summary>The wire protocol, spoken to a real <c>drivernb kernel</c> process by a NetMQ client.</summary>
[Collection(nameof(SharedKernel))]
public sealed class KernelProtocolTests(SharedKernel kernel)
{
    private KernelClient Client => kernel.Client;

    [Fact]
    public void Kernel_info_describes_csharp_and_is_bracketed_by_busy_and_idle()
    {
        // When
        var exchange = Client.Request(KernelChannel.Shell, MessageTypes.KernelInfoRequest);

        // Then
        Assert.Equal(MessageTypes.KernelInfoReply, exchange.Reply.MsgType);
        Assert.Equal("5.3", (string?)exchange.Content["protocol_version"]);
        Assert.Equal("drivernb", (string?)exchange.Content["implementation"]);
        var language = exchange.Content["language_info"]!.AsObject();
        Assert.Equal("csharp", (string?)language["name"]);
        Assert.Equal("csharp", (string?)language["pygments_lexer"]);
        Assert.Equal(".cs", (string?)language["file_extension"]);
        Assert.Equal("text/x-csharp", (string?)language["mimetype"]);
        Assert.Contains("#!usb-throughput", (string?)exchange.Content["banner"]);
        Assert.Equal([MessageTypes.Status, MessageTypes.Status], exchange.IopubTypes);
        Assert.Equal(["busy", "idle"], exchange.Iopub.Select(m => (string?)KernelClient.ContentOf(m)["execution_state"]));
    }

    [Fact]
    public void Replies_and_iopub_messages_carry_the_request_header_as_their_parent_byte_for_byte()
    {
        // When
        var exchange = Client.Execute("Console.WriteLine(\"parented\");");

        // Then
        var request = exchange.Iopub[0].ParentHeaderJson;
        Assert.Equal(request, exchange.Reply.ParentHeaderJson);
        Assert.All(exchange.Iopub, m => Assert.Equal(request, m.ParentHeaderJson));
        Assert.Equal("5.3", exchange.Reply.Header.Version);
    }

    [Fact]
    public void A_badly_signed_message_gets_no_reply_and_nothing_on_iopub_and_is_logged()
    {
        // Given: a client that signs with another key
        using var intruder = kernel.Process.Connect(key: "not-the-key");

        // When
        var request = intruder.Send(KernelChannel.Shell, MessageTypes.ExecuteRequest, new JsonObject { ["code"] = "var leaked = 1;" });

        // Then: no reply, nothing published, and the cell never ran
        Assert.Null(intruder.Receive(KernelChannel.Shell, TimeSpan.FromSeconds(1.5)));
        Assert.DoesNotContain(Client.DrainIopub(TimeSpan.FromMilliseconds(300)), m => KernelClient.ParentIdOf(m) == request.Header.MsgId);
        var check = Client.Execute("leaked");
        Assert.Equal("error", check.Status);
        Assert.Contains("CS0103", (string?)check.Content["evalue"]);
        Assert.Contains("dropped a message on shell: bad signature", kernel.Process.Stderr);
    }

    [Fact]
    public void A_validly_signed_message_sent_three_times_runs_once_and_the_replays_are_dropped_and_logged()
    {
        // Given: a variable counting the runs
        Assert.Equal("ok", Client.Execute("var replayedRuns = 0;").Status);

        // When: the same signed execute_request arrives three times (a captured message replayed)
        var request = Client.SendRepeatedly(KernelChannel.Shell, MessageTypes.ExecuteRequest, new JsonObject
        {
            ["code"] = "replayedRuns++;",
            ["silent"] = false,
            ["store_history"] = true,
            ["user_expressions"] = new JsonObject(),
            ["allow_stdin"] = false,
            ["stop_on_error"] = true,
        }, times: 3);
        var reply = Client.ReplyTo(KernelChannel.Shell, request, KernelClient.DefaultTimeout);
        var after = Client.Execute("replayedRuns");

        // Then: one reply, one run, and the two copies are in the log
        Assert.Equal("ok", (string?)KernelClient.ContentOf(reply)["status"]);
        Assert.Throws<TimeoutException>(() => Client.ReplyTo(KernelChannel.Shell, request, TimeSpan.FromSeconds(1)));
        Assert.Equal("1", (string?)after.Published(MessageTypes.ExecuteResult).Single()["data"]!["text/plain"]);
        Assert.Contains($"dropped a {MessageTypes.ExecuteRequest} on shell: duplicate signature (a replayed message)", kernel.Process.Stderr);
    }

    [Fact]
    public void The_heartbeat_echoes_what_it_is_sent_even_while_a_cell_runs()
    {
        // Given: a cell that takes a while
        var busy = Client.Send(KernelChannel.Shell, MessageTypes.ExecuteRequest, new JsonObject
        {
            ["code"] = "Console.WriteLine(\"running\");\nSystem.Threading.Thread.Sleep(1500);",
        });
        Client.WaitForOutput(busy, "running", KernelClient.DefaultTimeout);

        // When
        var echoed = Client.Ping("ping-1"u8.ToArray(), TimeSpan.FromSeconds(5));

        // Then
        Assert.Equal("ping-1", echoed is null ? null : Encoding.UTF8.GetString(echoed));
        Assert.Equal("ok", (string?)KernelClient.ContentOf(Client.ReplyTo(KernelChannel.Shell, busy, KernelClient.DefaultTimeout))["status"]);
        Client.IopubUntilIdle(busy, KernelClient.DefaultTimeout);
    }

    [Fact]
    public void A_cell_printing_without_end_publishes_ten_million_characters_then_the_truncation_note()
    {
        // When: 12 million characters in lines of 100
        var exchange = Client.Execute("var line = new string('x', 99);\nfor (var i = 0; i < 120_000; i++) Console.WriteLine(line);\n\"done\"",
            timeout: TimeSpan.FromMinutes(2));

        // Then
        Assert.Equal("ok", exchange.Status);
        var text = string.Concat(exchange.Published(MessageTypes.Stream).Select(m => (string?)m["text"]));
        Assert.Equal(Runner.Execution.CellOutputLimits.StreamCharacters + Runner.Execution.CellOutputLimits.TruncationNote.Length, text.Length);
        Assert.EndsWith(Runner.Execution.CellOutputLimits.TruncationNote, text);
        Assert.Equal("done", (string?)exchange.Published(MessageTypes.ExecuteResult).Single()["data"]!["text/plain"]);
    }

    [Fact]
    public void An_execute_request_publishes_busy_its_input_its_outputs_in_order_then_replies_and_goes_idle()
    {
        // When
        var exchange = Client.Execute("Console.WriteLine(\"one\");\ndisplay(2);\n3");

        // Then
        Assert.Equal("ok", exchange.Status);
        Assert.Equal(
            [MessageTypes.Status, MessageTypes.ExecuteInput, MessageTypes.Stream, MessageTypes.DisplayData, MessageTypes.ExecuteResult, MessageTypes.Status],
            exchange.IopubTypes);
        var count = (int)exchange.Content["execution_count"]!;
        Assert.Equal(count, (int)exchange.Published(MessageTypes.ExecuteInput).Single()["execution_count"]!);
        Assert.Equal(count, (int)exchange.Published(MessageTypes.ExecuteResult).Single()["execution_count"]!);
        Assert.Equal("one\n", (string?)exchange.Published(MessageTypes.Stream).Single()["text"]);
        var result = exchange.Published(MessageTypes.ExecuteResult).Single()["data"]!.AsObject();
        Assert.Equal("3", (string?)result["text/plain"]);
        Assert.NotNull(result["text/html"]);
    }

    [Fact]
    public void A_cell_that_throws_reports_the_error_and_leaves_earlier_variables_defined()
    {
        // Given
        Assert.Equal("ok", Client.Execute("var kept = 7;").Status);

        // When
        var thrown = Client.Execute("kept = 6;\nthrow new InvalidOperationException(\"boom\");");
        var after = Client.Execute("kept * 7");

        // Then
        Assert.Equal("error", thrown.Status);
        Assert.Equal("System.InvalidOperationException", (string?)thrown.Content["ename"]);
        Assert.Equal("boom", (string?)thrown.Content["evalue"]);
        var error = thrown.Published(MessageTypes.Error).Single();
        Assert.Equal("boom", (string?)error["evalue"]);
        Assert.Contains("System.InvalidOperationException: boom", error["traceback"]!.AsArray().Select(l => (string?)l));
        Assert.Equal("42", (string?)after.Published(MessageTypes.ExecuteResult).Single()["data"]!["text/plain"]);
    }

    [Fact]
    public void An_interrupt_request_on_control_stops_a_cooperative_long_cell()
    {
        // Given: a cell that runs until its cancellation token is signalled
        var running = Client.Send(KernelChannel.Shell, MessageTypes.ExecuteRequest, new JsonObject
        {
            ["code"] = "Console.WriteLine(\"running\");\nwhile (!CancellationToken.IsCancellationRequested) System.Threading.Thread.Sleep(10);",
        });
        Client.WaitForOutput(running, "running", KernelClient.DefaultTimeout);

        // When
        var interrupt = Client.Request(KernelChannel.Control, MessageTypes.InterruptRequest, timeout: TimeSpan.FromSeconds(5));
        var reply = KernelClient.ContentOf(Client.ReplyTo(KernelChannel.Shell, running, TimeSpan.FromSeconds(10)));
        Client.IopubUntilIdle(running, TimeSpan.FromSeconds(10));

        // Then: the cell ends as interrupted and the kernel goes on
        Assert.Equal(MessageTypes.InterruptReply, interrupt.Reply.MsgType);
        Assert.Equal("ok", interrupt.Status);
        Assert.Equal("error", (string?)reply["status"]);
        Assert.Equal("Interrupted", (string?)reply["ename"]);
        Assert.Equal("ok", Client.Execute("1 + 1").Status);
    }

    [Fact]
    public void A_simulation_written_with_pcapng_in_one_cell_is_read_back_by_the_capture_command_in_the_next_and_a_bad_path_fails_with_one_line()
    {
        // Given
        using var folder = new DriverNotebooks.TestSupport.TempFolder();
        var path = Path.Combine(folder.Path, "reader.pcapng");

        // When
        var simulated = Client.Execute($"#!usb-simulate --speed high --type interrupt --max-packet 1024 --transfer 1024 --pending 3 --turnaround 200us --duration 20ms --pcapng {path} --json");
        var captured = Client.Execute($"#!usb-capture {path} --json");
        var fromCsharp = Client.Execute($"DriverNotebooks.Throughput.HighSpeed.Interrupt(1024).ContinuousReader(1024, 3, \"200us\").Simulate(duration: \"20ms\", pcapng: @\"{path}\").Capture!.Bytes");
        var missing = Client.Execute("#!usb-simulate --speed high --type interrupt --max-packet 1024 --pcapng /nonexistent/reader.pcapng");

        // Then: the capture holds every completed read, and the C# API wrote the same file again
        Assert.True(simulated.Status == "ok", simulated.Content.ToJsonString());
        Assert.Equal("ok", captured.Status);
        static System.Text.Json.JsonElement Json(Exchange e) => System.Text.Json.JsonDocument.Parse(
            e.Iopub.Where(m => m.MsgType is MessageTypes.ExecuteResult or MessageTypes.DisplayData).Select(KernelClient.ContentOf)
                .Select(c => (string?)c["data"]!["text/plain"]).First(t => t is not null && t.TrimStart().StartsWith('{'))!).RootElement;
        var reader = Json(captured).GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == "0x81");
        Assert.Equal(Json(simulated).GetProperty("completedRequests").GetInt64(), reader.GetProperty("transfers").GetInt64());
        Assert.True(fromCsharp.Status == "ok", fromCsharp.Content.ToJsonString());
        Assert.Equal(new FileInfo(path).Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (string?)fromCsharp.Published(MessageTypes.ExecuteResult).Single()["data"]!["text/plain"]);
        Assert.Equal("error", missing.Status);
        Assert.Equal("#!usb-simulate: --pcapng /nonexistent/reader.pcapng: the folder /nonexistent does not exist; allowed: a file in an existing folder", ((string?)missing.Content["evalue"])!.Trim());
    }

    [SkippableFact]
    public void A_charts_display_gets_its_static_svg_through_update_display_data_after_the_cell()
    {
        // Given
        RequiredTools.Chromium();

        // When
        var request = Client.Send(KernelChannel.Shell, MessageTypes.ExecuteRequest, new JsonObject { ["code"] = "#!usb-throughput --speed high --type interrupt --max-packet 1024 --pending 2" });
        Client.ReplyTo(KernelChannel.Shell, request, KernelClient.DefaultTimeout);
        var chart = Client.IopubUntilIdle(request, KernelClient.DefaultTimeout)
            .Where(m => m.MsgType == MessageTypes.DisplayData).Select(KernelClient.ContentOf)
            .Single(d => d["data"]!["application/vnd.plotly.v1+json"] is JsonObject);
        var id = (string?)chart["transient"]!["display_id"];
        var update = KernelClient.ContentOf(Client.NextPublished(request, MessageTypes.UpdateDisplayData, TimeSpan.FromSeconds(60)));

        // Then: the same display, now with the image (and the figure, HTML and text it had)
        Assert.StartsWith("drivernb-chart-", id);
        Assert.Equal(id, (string?)update["transient"]!["display_id"]);
        var data = update["data"]!.AsObject();
        Assert.StartsWith("<svg", (string?)data["image/svg+xml"]);
        Assert.Equal(chart["data"]!["application/vnd.plotly.v1+json"]!.ToJsonString(), data["application/vnd.plotly.v1+json"]!.ToJsonString());
        Assert.Contains("class=\"drivernb-static\"", (string?)data["text/html"]);
    }

    [SkippableFact]
    public void Chart_images_wait_until_no_cell_is_running_or_queued_so_a_run_of_cells_is_not_slowed_by_drawing()
    {
        // Given: a chart cell and, queued behind it, a cell that runs for 6 s (longer than drawing takes)
        RequiredTools.Chromium();
        var chartCell = Client.Send(KernelChannel.Shell, MessageTypes.ExecuteRequest, new JsonObject { ["code"] = "#!usb-throughput --speed full --type bulk --max-packet 64" });
        var longCell = Client.Send(KernelChannel.Shell, MessageTypes.ExecuteRequest, new JsonObject { ["code"] = "System.Threading.Thread.Sleep(6000); 1" });

        // When
        var published = Client.DrainIopub(TimeSpan.FromSeconds(20));

        // Then: the chart's image comes after the long cell went idle, not while it ran
        int IndexOf(JupyterMessage request, Func<JupyterMessage, bool> match) =>
            published.FindIndex(m => KernelClient.ParentIdOf(m) == request.Header.MsgId && match(m));
        var longCellIdle = IndexOf(longCell, m => m.MsgType == MessageTypes.Status && (string?)KernelClient.ContentOf(m)["execution_state"] == KernelStatus.Idle);
        var image = IndexOf(chartCell, m => m.MsgType == MessageTypes.UpdateDisplayData);
        Assert.True(longCellIdle >= 0, "the long cell did not finish within 20 s");
        Assert.True(image > longCellIdle, $"the chart's update_display_data came at {image}, the long cell went idle at {longCellIdle}");
    }

    [Fact]
    public void An_interrupt_stops_a_long_usb_simulation_inside_the_engine()
    {
        // Given: a magic command simulating a million seconds of bus time (minutes of work on both cores)
        var running = Client.Send(KernelChannel.Shell, MessageTypes.ExecuteRequest, new JsonObject
        {
            ["code"] = "#!usb-sweep --speed high --type interrupt --max-packet 1024 --duration 1000000s --seeds 2",
        });
        Thread.Sleep(3000);

        // When
        var interrupt = Client.Request(KernelChannel.Control, MessageTypes.InterruptRequest, timeout: TimeSpan.FromSeconds(5));
        var reply = KernelClient.ContentOf(Client.ReplyTo(KernelChannel.Shell, running, TimeSpan.FromSeconds(20)));
        var error = Client.IopubUntilIdle(running, TimeSpan.FromSeconds(10))
            .Where(m => m.MsgType == MessageTypes.Error).Select(KernelClient.ContentOf).Single();

        // Then: the engine saw the token within the grace period, so the cell is reported as stopped, not running on
        Assert.Equal("ok", interrupt.Status);
        Assert.Equal("Interrupted", (string?)reply["ename"]);
        Assert.Equal(Runner.Execution.CellErrors.Interrupted().Value, (string?)error["evalue"]);
        Assert.Equal("ok", Client.Execute("1 + 1").Status);
    }

    [Fact]
    public void A_failed_cell_aborts_the_cells_queued_behind_it_when_stop_on_error()
    {
        // Given: a failing cell and one queued behind it
        var failing = Client.Send(KernelChannel.Shell, MessageTypes.ExecuteRequest, new JsonObject
        {
            ["code"] = "System.Threading.Thread.Sleep(300); throw new Exception(\"first\");",
            ["stop_on_error"] = true,
        });
        var queued = Client.Send(KernelChannel.Shell, MessageTypes.ExecuteRequest, new JsonObject { ["code"] = "var ranAnyway = true;" });

        // When
        var first = KernelClient.ContentOf(Client.ReplyTo(KernelChannel.Shell, failing, KernelClient.DefaultTimeout));
        var second = KernelClient.ContentOf(Client.ReplyTo(KernelChannel.Shell, queued, KernelClient.DefaultTimeout));
        Client.IopubUntilIdle(queued, KernelClient.DefaultTimeout);

        // Then
        Assert.Equal("error", (string?)first["status"]);
        Assert.Equal("aborted", (string?)second["status"]);
        Assert.Equal("error", Client.Execute("ranAnyway").Status);
    }

    [Fact]
    public void A_silent_request_publishes_only_its_status_and_takes_no_execution_count()
    {
        // Given
        var before = (int)Client.Execute("1").Content["execution_count"]!;

        // When
        var silent = Client.Execute("Console.WriteLine(\"quiet\"); 5", silent: true);
        var unstored = Client.Execute("6", storeHistory: false);
        var next = Client.Execute("7");

        // Then
        Assert.Equal("ok", silent.Status);
        Assert.Equal([MessageTypes.Status, MessageTypes.Status], silent.IopubTypes);
        Assert.Equal(before, (int)unstored.Content["execution_count"]!);
        Assert.Equal("6", (string?)unstored.Published(MessageTypes.ExecuteResult).Single()["data"]!["text/plain"]);
        Assert.Equal(before + 1, (int)next.Content["execution_count"]!);
    }

    [Theory]
    [InlineData("if (true) {", "incomplete")]
    [InlineData("var x = new[] { 1,", "incomplete")]
    [InlineData("var x = 1;", "complete")]
    [InlineData("#!usb-throughput --speed high", "complete")]
    public void Is_complete_tells_an_open_block_from_finished_code(string code, string status)
    {
        // When
        var exchange = Client.Request(KernelChannel.Shell, MessageTypes.IsCompleteRequest, new JsonObject { ["code"] = code });

        // Then
        Assert.Equal(status, exchange.Status);
        Assert.Equal([MessageTypes.Status, MessageTypes.Status], exchange.IopubTypes);
    }

    [Fact]
    public void Completion_positions_are_counted_in_code_points()
    {
        // Given: an emoji before the cursor is one code point but two UTF-16 chars
        const string code = "var s = \"😀\"; Console.WriteL";

        // When
        var exchange = Client.Request(KernelChannel.Shell, MessageTypes.CompleteRequest, new JsonObject
        {
            ["code"] = code,
            ["cursor_pos"] = code.Length - 1,
        });

        // Then
        Assert.Equal("ok", exchange.Status);
        Assert.Equal(["WriteLine"], exchange.Content["matches"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(code.Length - 1, (int)exchange.Content["cursor_end"]!);
        Assert.Equal(code.Length - 1 - "WriteL".Length, (int)exchange.Content["cursor_start"]!);
    }

    [Fact]
    public void Completion_sees_the_variables_of_earlier_cells()
    {
        // Given
        Client.Execute("var throughputSamples = new List<double> { 1.5 };");

        // When
        var names = Client.Request(KernelChannel.Shell, MessageTypes.CompleteRequest, new JsonObject { ["code"] = "throughputSa", ["cursor_pos"] = 12 });
        var members = Client.Request(KernelChannel.Shell, MessageTypes.CompleteRequest, new JsonObject { ["code"] = "throughputSamples.Cou", ["cursor_pos"] = 21 });

        // Then
        Assert.Equal(["throughputSamples"], names.Content["matches"]!.AsArray().Select(m => (string?)m));
        Assert.Contains("Count", members.Content["matches"]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public void Comm_info_history_and_inspect_answer_as_the_protocol_says()
    {
        // When
        var comms = Client.Request(KernelChannel.Shell, MessageTypes.CommInfoRequest);
        var history = Client.Request(KernelChannel.Shell, MessageTypes.HistoryRequest, new JsonObject { ["output"] = false, ["raw"] = true, ["hist_access_type"] = "tail", ["n"] = 5 });
        var inspect = Client.Request(KernelChannel.Shell, MessageTypes.InspectRequest, new JsonObject { ["code"] = "Math.Sqrt", ["cursor_pos"] = 7, ["detail_level"] = 0 });

        // Then
        Assert.Empty(comms.Content["comms"]!.AsObject());
        Assert.Empty(history.Content["history"]!.AsArray());
        Assert.True((bool)inspect.Content["found"]!);
        Assert.Contains("double Math.Sqrt(double d)", (string?)inspect.Content["data"]!["text/plain"]);
    }

    [Fact]
    public void Kernel_info_on_control_is_answered_while_a_cell_runs()
    {
        // Given: a cell that is running
        var busy = Client.Send(KernelChannel.Shell, MessageTypes.ExecuteRequest, new JsonObject
        {
            ["code"] = "Console.WriteLine(\"running\");\nSystem.Threading.Thread.Sleep(2000);",
        });
        Client.WaitForOutput(busy, "running", KernelClient.DefaultTimeout);

        // When
        var info = Client.Request(KernelChannel.Control, MessageTypes.KernelInfoRequest, timeout: TimeSpan.FromSeconds(30));
        var cellStillRunning = Client.Receive(KernelChannel.Shell, TimeSpan.Zero) is null;

        // Then: the answer came before the cell's own reply
        Assert.Equal("ok", info.Status);
        Assert.True(cellStillRunning, "kernel_info was answered only after the cell ended");
        Assert.Equal("ok", (string?)KernelClient.ContentOf(Client.ReplyTo(KernelChannel.Shell, busy, KernelClient.DefaultTimeout))["status"]);
        Client.IopubUntilIdle(busy, KernelClient.DefaultTimeout);
    }
}
