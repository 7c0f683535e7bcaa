using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DriverNotebooks.Tests.Polyglot.RealEngine;

/// <summary>One event the engine sent for a submission: its type and its JSON body.</summary>
public sealed record EngineEvent(string Type, JsonElement Body)
{
    /// <summary>The formatted values of a display or return event, by MIME type.</summary>
    public IReadOnlyDictionary<string, string> FormattedValues =>
        Body.TryGetProperty("formattedValues", out var values)
            ? values.EnumerateArray().ToDictionary(v => v.GetProperty("mimeType").GetString()!, v => v.GetProperty("value").GetString()!)
            : new Dictionary<string, string>();

    public string? Message => Body.TryGetProperty("message", out var m) ? m.GetString() : null;
}

/// <summary>What one submitted cell produced, up to its CommandSucceeded or CommandFailed.</summary>
public sealed record Submission(string Code, IReadOnlyList<EngineEvent> Events)
{
    public bool Succeeded => Events[^1].Type == "CommandSucceeded";

    public string? FailureMessage => Events[^1].Type == "CommandFailed" ? Events[^1].Message : null;

    /// <summary>Display and return values, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Outputs =>
        Events.Where(e => e.Type is "DisplayedValueProduced" or "ReturnValueProduced").Select(e => e.FormattedValues).ToList();

    public override string ToString() =>
        $"{Code}\n" + string.Join("\n", Events.Select(e => $"  {e.Type}: {Shorten(e.Body.GetRawText())}"));

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;
}

/// <summary>
/// The real <c>dotnet-interactive</c> tool started the way VS Code's Polyglot extension starts it
/// (<c>dotnet-interactive [vscode] stdio --working-dir DIR</c>), driven over its stdio protocol: one
/// JSON command envelope per line in, one JSON event envelope per line out.
/// </summary>
public sealed class DotnetInteractiveSession : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private int _next;

    /// <summary>Starts the tool; <paramref name="environment"/> adds or replaces variables, e.g. an isolated NuGet set-up.</summary>
    public DotnetInteractiveSession(string toolPath, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(toolPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in new[] { "[vscode]", "stdio", "--working-dir", workingDirectory }) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is null) _lines.CompleteAdding(); else _lines.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _errors.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Submits a cell to a kernel and collects its events until the command ends.</summary>
    public Submission Submit(string code, string kernel = "csharp", TimeSpan? timeout = null)
    {
        var token = $"drivernb-test-{Interlocked.Increment(ref _next)}";
        var envelope = new JsonObject
        {
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = kernel },
            ["token"] = token,
        };
        _process.StandardInput.WriteLine(envelope.ToJsonString());
        _process.StandardInput.Flush();

        var events = new List<EngineEvent>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_lines.TryTake(out var line, left))
            {
                throw new TimeoutException($"no end of command from dotnet-interactive for:\n{new Submission(code, events)}\nstderr:\n{string.Join("\n", _errors)}");
            }
            if (!line.StartsWith('{')) continue; // the welcome banner
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (!root.TryGetProperty("eventType", out var type)) continue;
            var commandToken = root.TryGetProperty("command", out var command) && command.ValueKind == JsonValueKind.Object
                && command.TryGetProperty("token", out var t) ? t.GetString() : null;
            var engineEvent = new EngineEvent(type.GetString()!, root.GetProperty("event").Clone());
            if (commandToken is null || !commandToken.StartsWith(token, StringComparison.Ordinal)) continue;
            events.Add(engineEvent);
            if (commandToken == token && engineEvent.Type is "CommandSucceeded" or "CommandFailed") return new Submission(code, events);
        }
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
