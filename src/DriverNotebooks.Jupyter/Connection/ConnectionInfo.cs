using System.Text.Json;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// What a Jupyter client writes into the connection file it starts a kernel with: where the five
/// sockets listen and the key that signs every message.
/// </summary>
/// <remarks>Jupyter client documentation, "Connection files"; only the <c>tcp</c> transport is served.</remarks>
internal sealed record ConnectionInfo
{
    public const string Tcp = "tcp";
    public const string HmacSha256 = "hmac-sha256";

    public string Transport { get; init; } = Tcp;

    /// <summary>The address to listen on, e.g. <c>127.0.0.1</c>, or <c>*</c> for every interface.</summary>
    public required string IP { get; init; }

    public required int ShellPort { get; init; }

    public required int IopubPort { get; init; }

    public required int StdinPort { get; init; }

    public required int ControlPort { get; init; }

    public required int HeartbeatPort { get; init; }

    /// <summary>The HMAC key; empty means messages are neither signed nor checked.</summary>
    public string Key { get; init; } = "";

    public string SignatureScheme { get; init; } = HmacSha256;

    /// <summary>The kernelspec name the client started, when it says.</summary>
    public string? KernelName { get; init; }

    /// <summary>A ZeroMQ endpoint, e.g. <c>tcp://127.0.0.1:50123</c>.</summary>
    public string Endpoint(int port) => $"{Transport}://{IP}:{port}";

    /// <summary>Reads a connection file; every problem becomes a one-line <see cref="ConnectionFileException"/>.</summary>
    public static ConnectionInfo Read(string path)
    {
        string text;
        try
        {
            // A connection file is a few hundred bytes; read at most 1 MiB (+1) of whatever the path names.
            var bytes = DriverNotebooks.Runner.Documents.BoundedFile.ReadAllBytes(path, 1 << 20)
                ?? throw new ConnectionFileException(path, "larger than 1 MiB; expected the small JSON object a Jupyter client writes");
            text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (FileNotFoundException)
        {
            throw new ConnectionFileException(path, "no such file; the Jupyter client writes it and passes its path with --connection-file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new ConnectionFileException(path, "no such file (its folder does not exist either)");
        }
        catch (UnauthorizedAccessException)
        {
            throw new ConnectionFileException(path, Directory.Exists(path) ? "is a folder, not a connection file" : "cannot read it: permission denied");
        }
        catch (IOException e)
        {
            throw new ConnectionFileException(path, $"cannot read it: {e.Message}");
        }
        return Parse(text, path);
    }

    /// <summary>Parses connection-file JSON; <paramref name="path"/> names the file in messages.</summary>
    public static ConnectionInfo Parse(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new ConnectionFileException(path, $"not valid JSON{where}; expected the JSON object a Jupyter client writes");
        }
        if (Kmdf.JsonStrings.FirstUndecodable(System.Text.Encoding.UTF8.GetBytes(json)) is { } bad)
        {
            document.Dispose();
            throw new ConnectionFileException(path, $"not valid JSON at line {bad.Line}, column {bad.Column}: {Kmdf.JsonStrings.Problem}; expected the JSON object a Jupyter client writes");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ConnectionFileException(path, $"expected a JSON object, found {Describe(root)}");
            var fields = new ConnectionFields(root, path);
            var info = new ConnectionInfo
            {
                Transport = fields.OptionalString("transport") ?? Tcp,
                IP = fields.RequiredString("ip", "the address to listen on, e.g. \"127.0.0.1\""),
                ShellPort = fields.Port("shell_port"),
                IopubPort = fields.Port("iopub_port"),
                StdinPort = fields.Port("stdin_port"),
                ControlPort = fields.Port("control_port"),
                HeartbeatPort = fields.Port("hb_port"),
                Key = fields.OptionalString("key") ?? "",
                SignatureScheme = fields.OptionalString("signature_scheme") ?? HmacSha256,
                KernelName = fields.OptionalString("kernel_name"),
            };
            if (info.Transport != Tcp)
                throw new ConnectionFileException(path, $"\"transport\" is \"{info.Transport}\"; drivernb kernel listens on \"tcp\" only");
            if (info.SignatureScheme != HmacSha256)
                throw new ConnectionFileException(path, $"\"signature_scheme\" is \"{info.SignatureScheme}\"; drivernb kernel signs with \"{HmacSha256}\" only");
            if (info.IP.Length == 0)
                throw new ConnectionFileException(path, "\"ip\" is empty; expected the address to listen on, e.g. \"127.0.0.1\"");
            (string Name, int Port)[] ports =
                [("shell_port", info.ShellPort), ("iopub_port", info.IopubPort), ("stdin_port", info.StdinPort), ("control_port", info.ControlPort), ("hb_port", info.HeartbeatPort)];
            for (var i = 1; i < ports.Length; i++)
            {
                if (ports[..i].FirstOrDefault(p => p.Port == ports[i].Port) is { Name: { } first })
                    throw new ConnectionFileException(path, $"\"{ports[i].Name}\" is {ports[i].Port}, the same as \"{first}\"; expected a port of its own for each of the five channels");
            }
            return info;
        }
    }

    internal static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };

    private readonly struct ConnectionFields(JsonElement root, string path)
    {
        public string? OptionalString(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind != JsonValueKind.String)
                throw new ConnectionFileException(path, $"\"{name}\" should be a string, found {Describe(value)}");
            return value.GetString();
        }

        public string RequiredString(string name, string expected) =>
            OptionalString(name) ?? throw new ConnectionFileException(path, $"\"{name}\" is missing; expected {expected}");

        public int Port(string name)
        {
            if (!root.TryGetProperty(name, out var value))
                throw new ConnectionFileException(path, $"\"{name}\" is missing; expected the port number the Jupyter client chose");
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var port) || port is < 1 or > 65535)
                throw new ConnectionFileException(path, $"\"{name}\" should be a port number from 1 to 65535, found {Describe(value)}");
            return port;
        }
    }
}
