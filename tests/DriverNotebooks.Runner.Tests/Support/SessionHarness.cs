using DriverNotebooks.Formatting;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Execution;

namespace DriverNotebooks.Runner.Tests.Support;

/// <summary>Runs cells in one session and keeps each cell's outputs, for the execution specifications.</summary>
internal sealed class SessionHarness : IDisposable
{
    public SessionHarness(SessionOptions? options = null) => Session = new NotebookSession(options);

    public NotebookSession Session { get; }

    public async Task<(CellResult Result, IReadOnlyList<CellOutput> Outputs)> Run(string code, string kernel = "csharp")
    {
        var sink = new CollectingOutputSink();
        var result = await Session.ExecuteAsync(code, kernel, sink);
        return (result, sink.Outputs);
    }

    public void Dispose() => Session.Dispose();
}

internal static class OutputExtensions
{
    public static string PlainText(this IReadOnlyList<FormattedOutput> data) =>
        data.Single(d => d.MimeType == FormattedOutput.PlainText).Text;

    public static string? Html(this IReadOnlyList<FormattedOutput> data) =>
        data.FirstOrDefault(d => d.MimeType == FormattedOutput.Html)?.Text;
}
