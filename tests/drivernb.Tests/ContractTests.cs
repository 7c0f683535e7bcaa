using System.Text;
using System.Text.Json.Nodes;
using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli.Tests;

/// <summary>
/// The contracts users and scripts rely on, frozen as approved files under <c>Approved/</c>: every command's
/// <c>--help</c>, the one-line error of each kind of bad input, the shape of each <c>--json</c> output and the
/// engines' public API. After an intended change, run the tests with <c>DRIVERNB_APPROVE=1</c> and review the diff.
/// </summary>
public sealed class ContractTests
{
    public static TheoryData<string> VerbPaths => [.. Cli.Verbs.Select(v => string.Join(' ', v.Definition.CliPath))];

    [Theory]
    [MemberData(nameof(VerbPaths))]
    public async Task Every_commands_help_is_the_approved_text(string path)
    {
        var result = await CliTester.Run([.. path.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        ApprovedFile.Verify(result.Output, "help-" + path.Replace(' ', '-'));
    }

    [Fact]
    public async Task The_overview_is_the_approved_text_whatever_the_version()
    {
        var result = await CliTester.Run("--help");

        ApprovedFile.Verify(result.Output.Replace(Cli.Version, "<version>", StringComparison.Ordinal), "help-overview");
    }

    private const string Endpoint = "--speed high --type interrupt --max-packet 1024";

    /// <summary>One command line per kind of bad input, and what it is an example of.</summary>
    private static readonly (string Kind, string Arguments)[] BadInputs =
    [
        ("unknown command", "frobnicate"),
        ("unknown option", $"usb {Endpoint} --frob 1"),
        ("option without its value", "usb --speed"),
        ("required option missing", "usb --type bulk --max-packet 512"),
        ("value not among the allowed ones", "usb --speed warp --type bulk --max-packet 512"),
        ("not a whole number", "usb --speed high --type bulk --max-packet lots"),
        ("option given twice", $"usb {Endpoint} --speed full"),
        ("positional argument a command does not take", $"usb {Endpoint} extra"),
        ("value the engine's rules reject", "usb --speed high --type bulk --max-packet 1024"),
        ("malformed quantity", $"usb {Endpoint} --transfer 1024 --pending 4 --turnaround soon"),
        ("malformed rate", $"usb {Endpoint} --measured fast"),
        ("malformed distribution", $"usb simulate {Endpoint} --transfer 1024 --pending 4 --turnaround weird:1"),
        ("simulated time out of range", $"usb simulate {Endpoint} --transfer 1024 --pending 4 --duration 1us"),
        ("duration beyond what can be represented", $"usb simulate {Endpoint} --transfer 1024 --pending 4 --duration 1e300s"),
        ("capture export into a missing folder", $"usb simulate {Endpoint} --transfer 1024 --pending 4 --pcapng /nonexistent/reader.pcapng"),
        ("capture export onto a folder", $"usb simulate {Endpoint} --transfer 1024 --pending 4 --pcapng /tmp"),
        ("malformed list", $"usb sweep {Endpoint} --pending 5..1"),
        ("descriptor file missing", "usb descriptors /nonexistent/lsusb.txt"),
        ("descriptor file missing for --from", "usb --from /nonexistent/lsusb.txt --endpoint 0x81"),
        ("an option --from replaces", "usb --from /nonexistent/lsusb.txt --endpoint 0x81 --max-packet 512"),
        ("--from without --endpoint", "usb --from /nonexistent/lsusb.txt"),
        ("--endpoint without --from", $"usb {Endpoint} --endpoint 0x81"),
        ("malformed endpoint address", "usb --from /nonexistent/lsusb.txt --endpoint 0x181"),
        ("unknown scenario", "kmdf --scenario no-such-scenario"),
        ("scenario missing", "kmdf faults"),
        ("unknown fallible step", "kmdf --scenario cleanup-in-evtdriverunload --fail NoSuchStep"),
        ("malformed status", "kmdf --scenario cleanup-in-evtdriverunload --fail WdfDriverCreate --status STATUS_NOT_A_STATUS"),
        ("capture file missing", "usb capture /nonexistent/capture.pcapng"),
        ("malformed device address", "usb capture /nonexistent/capture.pcapng --device 1-5"),
        ("malformed endpoint address", "usb capture /nonexistent/capture.pcapng --endpoint 0x31"),
        ("source path missing", "kmdf scan /nonexistent/driver"),
        ("scan without a path", "kmdf scan"),
        ("notebook path missing", "render /nonexistent/notebook.dib"),
        ("malformed duration", "render /nonexistent/notebook.dib --timeout forever"),
        ("connection file missing", "kernel --connection-file /nonexistent/kernel.json"),
        ("options that exclude each other", "kernel install --user --prefix /nonexistent/prefix"),
        ("malformed kernel name", "kernel install --name \"bad name\""),
        ("malformed NuGet source name", "polyglot install --name \"bad name\""),
        ("NuGet config missing", "polyglot install --configfile /nonexistent/NuGet.Config"),
    ];

    [Fact]
    public async Task Each_kind_of_bad_input_gets_the_approved_one_line_error_and_exit_code_2()
    {
        var text = new StringBuilder();
        foreach (var (kind, arguments) in BadInputs)
        {
            var result = await CliTester.Run([.. CommandLineTokenizer.Split(arguments)]);
            var error = result.Error.TrimEnd('\r', '\n');

            Assert.True(result.ExitCode == CommandLineException.ExitCode, $"{kind}: exit {result.ExitCode}, {error}");
            Assert.False(error.Contains('\n', StringComparison.Ordinal), $"{kind}: more than one line: {error}");
            text.Append("# ").AppendLine(kind).Append("$ drivernb ").AppendLine(arguments).AppendLine(error).AppendLine();
        }
        ApprovedFile.Verify(text.ToString(), "errors");
    }

    public static TheoryData<string, string> JsonCommands => new()
    {
        { "usb", $"usb {Endpoint} --transfer 1024 --pending 4 --turnaround 100us --measured 8MB/s --json" },
        { "usb-simulate", $"usb simulate {Endpoint} --transfer 1024 --pending 4 --turnaround p50=80us,p99=600us --device-rate 8MB/s --duration 20ms --measured 8MB/s --json" },
        { "usb-sweep", $"usb sweep {Endpoint} --pending 1,4 --turnaround 100us --seeds 2 --duration 20ms --measured 8MB/s --json" },
        { "usb-descriptors", $"usb descriptors {DescriptorDumps.PathOf(DescriptorDumps.C270Report)} --json" },
        { "kmdf", "kmdf --scenario globals-after-wdfdrivercreate --fail WdfDriverCreate --json" },
        { "kmdf-faults", "kmdf faults --scenario cleanup-in-evtdriverunload --json" },
        { "kmdf-patterns", "kmdf patterns --json" },
        { "usb-capture", $"usb capture {Repository.PathOf("tests", "DriverNotebooks.Usb.Tests", "Captures", "TestData", "usbmon-tools_test1.pcapng")} --json" },
        { "usb-capture-bus", $"usb capture {Repository.PathOf("tests", "DriverNotebooks.Usb.Tests", "Captures", "TestData", "packetry_split-nyet.pcap")} --json" },
        { "usb-capture-verdicts", $"usb capture {Repository.PathOf("notebooks", "data", "mct-jcd543-4k-bulk-out.pcapng")} --json" },
        { "kmdf-scan", $"kmdf scan {Repository.PathOf("tests", "DriverNotebooks.Kmdf.Scan.Tests", "TestData", "good-cleanup-callback")} --json" },
    };

    [Theory]
    [MemberData(nameof(JsonCommands))]
    public async Task Each_json_output_has_the_approved_shape(string name, string arguments)
    {
        var result = await CliTester.Run([.. CommandLineTokenizer.Split(arguments)]);

        Assert.True(result.ExitCode == 0, result.Error);
        ApprovedFile.Verify(JsonShape.Of(JsonNode.Parse(result.Output)), "json-" + name);
    }

    [Theory]
    [InlineData("DriverNotebooks.Usb")]
    [InlineData("DriverNotebooks.Kmdf")]
    [InlineData("DriverNotebooks.Kmdf.Scan")]
    public void Each_engines_public_api_is_the_approved_listing(string assembly)
    {
        ApprovedFile.Verify(PublicApi.Describe(System.Reflection.Assembly.Load(assembly)), "api-" + assembly);
    }
}

/// <summary>
/// A JSON document's shape: one line per property path with the kinds of value seen there (array items
/// merged under <c>[]</c>), sorted. Numbers and texts change with the model; the shape is the contract.
/// </summary>
internal static class JsonShape
{
    public static string Of(JsonNode? root)
    {
        var kinds = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        Walk(root, "$", kinds);
        return string.Join('\n', kinds.Select(k => $"{k.Key}: {string.Join('|', k.Value)}")) + "\n";
    }

    private static void Walk(JsonNode? node, string path, SortedDictionary<string, SortedSet<string>> kinds)
    {
        if (!kinds.TryGetValue(path, out var seen)) kinds[path] = seen = new SortedSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case null:
                seen.Add("null");
                break;
            case JsonObject o:
                seen.Add("object");
                foreach (var (key, value) in o) Walk(value, $"{path}.{key}", kinds);
                break;
            case JsonArray a:
                seen.Add("array");
                foreach (var item in a) Walk(item, path + "[]", kinds);
                break;
            default:
                seen.Add(node.GetValueKind().ToString().ToLowerInvariant() is "true" or "false" ? "boolean" : node.GetValueKind().ToString().ToLowerInvariant());
                break;
        }
    }
}
