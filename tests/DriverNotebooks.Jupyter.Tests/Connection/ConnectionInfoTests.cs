namespace DriverNotebooks.Jupyter.Tests.Connection;

public sealed class ConnectionInfoTests
{
    private const string Written = """
        {
          "shell_port": 50001, "iopub_port": 50002, "stdin_port": 50003, "control_port": 50004, "hb_port": 50005,
          "ip": "127.0.0.1", "key": "a0436f6c", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "drivernb"
        }
        """;

    [Fact]
    public void A_file_written_by_jupyter_client_is_read_field_by_field()
    {
        // When
        var info = ConnectionInfo.Parse(Written, "kernel-1.json");

        // Then
        Assert.Equal((50001, 50002, 50003, 50004, 50005), (info.ShellPort, info.IopubPort, info.StdinPort, info.ControlPort, info.HeartbeatPort));
        Assert.Equal("a0436f6c", info.Key);
        Assert.Equal("drivernb", info.KernelName);
        Assert.Equal("tcp://127.0.0.1:50001", info.Endpoint(info.ShellPort));
    }

    [Fact]
    public void Key_transport_and_scheme_default_as_the_protocol_says()
    {
        // When
        var info = ConnectionInfo.Parse("""{"ip": "*", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}""", "k.json");

        // Then
        Assert.Equal(("", "tcp", "hmac-sha256"), (info.Key, info.Transport, info.SignatureScheme));
        Assert.Equal("tcp://*:1", info.Endpoint(1));
    }

    [Theory]
    [InlineData("""{"ip": "127.0.0.1", "shell_port": 70000, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}""", "\"shell_port\" should be a port number from 1 to 65535, found the number 70000")]
    [InlineData("""{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}""", "\"ip\" is missing; expected the address to listen on, e.g. \"127.0.0.1\"")]
    [InlineData("""{"ip": "127.0.0.1", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "signature_scheme": "hmac-md5"}""", "\"signature_scheme\" is \"hmac-md5\"; drivernb kernel signs with \"hmac-sha256\" only")]
    [InlineData("""{"ip": "127.0.0.1", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": 7}""", "\"key\" should be a string, found the number 7")]
    [InlineData("{\"ip\": ", "not valid JSON at line 1, column 8; expected the JSON object a Jupyter client writes")]
    [InlineData("{\"ip\": \"127.0.0.1\",\n \"key\": \"\\ud800\"}", "not valid JSON at line 2, column 9: a string holds an escaped lone surrogate (\\ud800-\\udfff without its pair), which is not text; expected the JSON object a Jupyter client writes")]
    public void A_malformed_file_is_one_line_naming_the_file_and_the_problem(string json, string problem)
    {
        // When
        var error = Assert.Throws<ConnectionFileException>(() => ConnectionInfo.Parse(json, "/run/kernel-1.json"));

        // Then
        Assert.Equal($"/run/kernel-1.json: {problem}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
