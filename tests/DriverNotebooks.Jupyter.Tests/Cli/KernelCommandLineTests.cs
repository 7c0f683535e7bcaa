using System.Text.Json.Nodes;
using DriverNotebooks.Jupyter.Tests.Support;

namespace DriverNotebooks.Jupyter.Tests.Cli;

/// <summary><c>drivernb kernel</c> and <c>drivernb kernel install</c>, run as the processes users start.</summary>
public sealed class KernelCommandLineTests
{
    [Fact]
    public void Kernel_install_with_a_prefix_writes_a_kernelspec_that_starts_this_drivernb_through_dotnet()
    {
        // Given
        using var folder = new TempFolder();

        // When
        var result = RequiredTools.Drivernb("kernel", "install", "--prefix", folder.Path);

        // Then
        Assert.True(result.ExitCode == 0, result.ToString());
        var spec = Path.Combine(folder.Path, "share", "jupyter", "kernels", "drivernb");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(spec, "kernel.json")))!.AsObject();
        var argv = json["argv"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(argv[0]));
        Assert.True(Path.IsPathRooted(argv[0]) && File.Exists(argv[0]), $"argv[0] is not the dotnet host's full path: {argv[0]}");
        Assert.Equal([Repository.DrivernbDll, "kernel", "--connection-file", "{connection_file}"], argv.Skip(1));
        Assert.Equal("C# (DriverNotebooks)", (string?)json["display_name"]);
        Assert.Equal("C#", (string?)json["language"]);
        Assert.Equal("message", (string?)json["interrupt_mode"]);
        Assert.True(File.Exists(Path.Combine(spec, "logo-svg.svg")));
        Assert.Contains($"Installed kernelspec 'drivernb' in {spec}", result.Output);
        Assert.Contains("JUPYTER_PATH=" + Path.Combine(folder.Path, "share", "jupyter"), result.Output);
        Assert.Contains("Select Kernel", result.Output);
    }

    [Fact]
    public void Kernel_install_takes_a_name_and_a_display_name()
    {
        // Given
        using var folder = new TempFolder();

        // When
        var result = RequiredTools.Drivernb("kernel", "install", "--prefix", folder.Path, "--name", "drivernb-dev", "--display-name", "C# (dev)");

        // Then
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "share", "jupyter", "kernels", "drivernb-dev", "kernel.json")))!;
        Assert.Equal("C# (dev)", (string?)json["display_name"]);
    }

    [Theory]
    [InlineData(new[] { "--user", "--prefix", "x" }, "drivernb kernel install: give --user or --prefix, not both")]
    [InlineData(new[] { "--name", "my kernel" }, "drivernb kernel install: --name 'my kernel': use letters, digits, '.', '_' and '-' (Jupyter's rule for kernel names)")]
    [InlineData(new[] { "--prefix", "" }, "drivernb kernel install: --prefix '': empty; allowed: a folder path, e.g. a virtual environment (kernels go into DIR/share/jupyter/kernels)")]
    public void Kernel_install_misuse_is_one_line_with_exit_code_2(string[] options, string message)
    {
        // When
        var result = RequiredTools.Drivernb(["kernel", "install", .. options]);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, result.Error.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("missing", null, "no such file; the Jupyter client writes it and passes its path with --connection-file")]
    [InlineData("empty.json", "", "not valid JSON at line 1, column 1; expected the JSON object a Jupyter client writes")]
    [InlineData("list.json", "[1, 2]", "expected a JSON object, found an array")]
    [InlineData("no-port.json", """{"ip": "127.0.0.1", "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}""", "\"shell_port\" is missing; expected the port number the Jupyter client chose")]
    [InlineData("bad-port.json", """{"ip": "127.0.0.1", "shell_port": "one", "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}""", "\"shell_port\" should be a port number from 1 to 65535, found the string \"one\"")]
    [InlineData("ipc.json", """{"transport": "ipc", "ip": "kernel", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}""", "\"transport\" is \"ipc\"; drivernb kernel listens on \"tcp\" only")]
    [InlineData("repeated-port.json", """{"ip": "127.0.0.1", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 2, "hb_port": 5}""", "\"control_port\" is 2, the same as \"iopub_port\"; expected a port of its own for each of the five channels")]
    public void A_missing_or_malformed_connection_file_is_one_line_naming_the_file_with_exit_code_2(string name, string? text, string problem)
    {
        // Given
        using var folder = new TempFolder();
        var path = text is null ? folder.File(name) : folder.Write(name, text);

        // When
        var result = RequiredTools.Drivernb("kernel", "--connection-file", path);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"drivernb kernel: {path}: {problem}", result.Error.TrimEnd('\n'));
        Assert.Equal("", result.Output);
    }

    [SkippableFact]
    public void A_connection_file_that_never_ends_is_refused_after_a_bounded_read()
    {
        // Given: a connection file that is /dev/zero
        Skip.IfNot(File.Exists("/dev/zero"), "needs /dev/zero");
        using var folder = new TempFolder();
        var path = folder.File("endless.json");
        File.CreateSymbolicLink(path, "/dev/zero");

        // When
        var result = RequiredTools.Drivernb("kernel", "--connection-file", path);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"drivernb kernel: {path}: larger than 1 MiB; expected the small JSON object a Jupyter client writes", result.Error.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("shell")]
    [InlineData("iopub")]
    [InlineData("stdin")]
    [InlineData("control")]
    [InlineData("hb")]
    public void A_port_already_in_use_is_one_line_naming_the_file_and_the_port_with_exit_code_2(string channel)
    {
        // Given: one channel's port is taken
        using var folder = new TempFolder();
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            var free = new Queue<int>(KernelProcess.FreePorts(4));
            var ports = new[] { "shell", "iopub", "stdin", "control", "hb" }.ToDictionary(c => c, c => c == channel ? port : free.Dequeue());
            var path = folder.Write("busy.json", $$"""{"ip": "127.0.0.1", "shell_port": {{ports["shell"]}}, "iopub_port": {{ports["iopub"]}}, "stdin_port": {{ports["stdin"]}}, "control_port": {{ports["control"]}}, "hb_port": {{ports["hb"]}}}""");

            // When
            var result = RequiredTools.Drivernb("kernel", "--connection-file", path);

            // Then
            Assert.Equal(2, result.ExitCode);
            var name = channel == "hb" ? "heartbeat" : channel;
            Assert.Equal($"drivernb kernel: {path}: cannot listen on tcp://127.0.0.1:{port} for {name}: the port is already in use (another kernel, or a stale connection file?)", result.Error.TrimEnd('\n'));
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public void Kernel_without_a_connection_file_says_it_is_required()
    {
        // When
        var result = RequiredTools.Drivernb("kernel");

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("drivernb kernel: --connection-file is required", result.Error);
    }
}
