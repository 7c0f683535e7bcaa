using System.Text.Json.Nodes;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// A Jupyter kernelspec: how a client starts the kernel (<c>argv</c>, with <c>{connection_file}</c>
/// for the file it writes) and what it shows in its kernel picker.
/// </summary>
/// <remarks>Jupyter client documentation, "Kernel specs".</remarks>
internal sealed record KernelSpec
{
    /// <summary>The placeholder the client replaces with its connection file's path.</summary>
    public const string ConnectionFilePlaceholder = "{connection_file}";

    /// <summary>Interrupts arrive as <c>interrupt_request</c> messages, not SIGINT (which would end a .NET process).</summary>
    public const string MessageInterruptMode = "message";

    public required IReadOnlyList<string> Argv { get; init; }

    public string DisplayName { get; init; } = KernelDescription.DisplayName;

    public string Language { get; init; } = KernelDescription.Language;

    public string InterruptMode { get; init; } = MessageInterruptMode;

    /// <summary>The kernelspec that starts <c>drivernb kernel</c> with <paramref name="launcher"/> (the executable and any leading arguments).</summary>
    public static KernelSpec For(IReadOnlyList<string> launcher) =>
        new() { Argv = [.. launcher, "kernel", "--connection-file", ConnectionFilePlaceholder] };

    /// <summary>The <c>kernel.json</c> object.</summary>
    public JsonObject ToJson() => new()
    {
        ["argv"] = new JsonArray([.. Argv.Select(a => (JsonNode?)a)]),
        ["display_name"] = DisplayName,
        ["language"] = Language,
        ["interrupt_mode"] = InterruptMode,
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };
}
