using System.Text.Json;
using DriverNotebooks.Commands;
using DriverNotebooks.TestSupport;

namespace DriverNotebooks.Cli.Tests;

/// <summary>
/// <c>drivernb usb simulate … --pcapng FILE</c> writes the simulated reader's traffic; <c>drivernb usb capture FILE</c>
/// reads it back with the simulation's numbers. The file appears only when it is whole.
/// </summary>
public sealed class TrafficExportVerbTests
{
    private static readonly string[] Simulate =
        ["usb", "simulate", "--speed", "high", "--type", "interrupt", "--max-packet", "1024", "--interval", "1", "--transfer", "2048",
         "--pending", "3", "--turnaround", "p50=150us,p99=600us", "--duration", "200ms", "--seed", "3"];

    [Fact]
    public async Task A_simulation_written_with_pcapng_reads_back_with_its_transfers_bytes_and_requests_in_flight()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "reader.pcapng");

        var simulated = await CliTester.Run([.. Simulate, "--pcapng", path, "--json"]);
        var captured = await CliTester.Run("usb", "capture", path, "--json");

        Assert.True(simulated.ExitCode == 0, simulated.Error);
        Assert.True(captured.ExitCode == 0, captured.Error);
        var s = JsonDocument.Parse(simulated.Output).RootElement;
        var c = JsonDocument.Parse(captured.Output).RootElement;
        Assert.Equal(path, s.GetProperty("pcapng").GetString());
        var reader = c.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == "0x81");
        Assert.Equal(s.GetProperty("completedRequests").GetInt64(), reader.GetProperty("transfers").GetInt64());
        Assert.Equal(s.GetProperty("completedRequests").GetInt64() * 2048, reader.GetProperty("bytes").GetInt64());
        Assert.Equal(3, reader.GetProperty("inFlight").GetProperty("max").GetInt32());
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task The_magic_command_writes_the_same_capture_as_the_cli()
    {
        using var folder = new TempFolder();
        var fromCli = Path.Combine(folder.Path, "cli.pcapng");
        var fromMagic = Path.Combine(folder.Path, "magic.pcapng");

        var cli = await CliTester.Run([.. Simulate, "--pcapng", fromCli]);
        var magic = MagicCommands.Run($"#!usb-simulate {string.Join(' ', Simulate.Skip(2))} --pcapng {fromMagic}");

        Assert.Equal(0, cli.ExitCode);
        Assert.True(magic.Succeeded, magic.Error);
        Assert.Equal(File.ReadAllBytes(fromCli), File.ReadAllBytes(fromMagic));
    }

    [Fact]
    public async Task A_failed_export_leaves_the_previous_file_as_it_was_and_no_temporary_file()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "reader.pcapng");
        File.WriteAllText(path, "the previous capture");

        // A simulation the engine rejects (a transfer that is not whole packets) fails before or while writing.
        var result = await CliTester.Run([.. Simulate.Select(a => a == "2048" ? "1000" : a), "--pcapng", path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Equal("the previous capture", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }
}
