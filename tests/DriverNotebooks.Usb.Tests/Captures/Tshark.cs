using DriverNotebooks.TestSupport;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>Wireshark's tshark, the reference reader: skipped when missing, failed under <c>DRIVERNB_REQUIRE_TOOLS=1</c>.</summary>
internal static class Tshark
{
    private const string Executable = "/usr/bin/tshark";

    public static string Find() =>
        File.Exists(Executable) ? Executable : ToolRequirement.Missing<string>("Wireshark's tshark (/usr/bin/tshark); Debian: apt-get install tshark");

    /// <summary>One row per record: the values of <paramref name="fields"/>, tab-separated as <c>tshark -T fields</c> prints them.</summary>
    public static IReadOnlyList<string[]> Fields(string capture, params string[] fields)
    {
        var arguments = new List<string> { "-r", capture, "-T", "fields", "-E", "separator=/t", "-E", "occurrence=f" };
        foreach (var field in fields) arguments.AddRange(["-e", field]);
        var result = ExternalProcess.Run(Find(), arguments, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToArray();
    }
}
