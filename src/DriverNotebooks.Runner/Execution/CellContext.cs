using DriverNotebooks.Charts;
using System.Text;
using DriverNotebooks.Formatting;
using DriverNotebooks.Runner.Documents;
using Microsoft.DotNet.Interactive.Formatting;

namespace DriverNotebooks.Runner.Execution;

/// <summary>
/// The cell that is running on this async flow: where its console text, displayed values, result and
/// error go. Console text is buffered per stream and handed on a line at a time, and always before a
/// displayed value, so outputs keep the order they happened in. Once the cell is closed (it ended,
/// timed out or was interrupted) anything it still produces is dropped.
/// </summary>
internal sealed class CellContext(ICellOutputSink sink, int executionCount, CancellationToken cancellationToken)
{
    private static readonly AsyncLocal<CellContext?> Ambient = new();

    private readonly object _gate = new();
    private readonly StringBuilder _pending = new();
    private string _pendingStream = StreamOutput.Stdout;
    private bool _closed;
    private int _streamed;
    private bool _truncated;

    /// <summary>The cell running on this flow, if any.</summary>
    public static CellContext? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    public int ExecutionCount { get; } = executionCount;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>
    /// Console text of the cell. Complete lines are handed on; a partial line waits until it ends or something
    /// else is output. Past <see cref="CellOutputLimits.StreamCharacters"/> the text is dropped after one note.
    /// </summary>
    public void WriteStream(string name, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        lock (_gate)
        {
            if (_closed || _truncated) return;
            if (_streamed + text.Length > CellOutputLimits.StreamCharacters)
            {
                text = text[..(CellOutputLimits.StreamCharacters - _streamed)] + CellOutputLimits.TruncationNote;
                _truncated = true;
            }
            _streamed += text.Length;
            if (_pendingStream != name) FlushPending();
            _pendingStream = name;
            // Only the new text can hold the line end: searching it alone keeps printing linear.
            var lastNewline = text.LastIndexOf('\n');
            if (lastNewline < 0)
            {
                _pending.Append(text);
                return;
            }
            string complete;
            if (_pending.Length == 0)
            {
                complete = text[..(lastNewline + 1)];
            }
            else
            {
                complete = _pending.Append(text, 0, lastNewline + 1).ToString();
                _pending.Clear();
            }
            _pending.Append(text, lastNewline + 1, text.Length - lastNewline - 1);
            sink.Write(new StreamOutput(name, complete));
        }
    }

    /// <summary>
    /// Formats <paramref name="value"/> through the notebook formatters and outputs it as display data:
    /// a result with charts as its card and one output per chart. With <paramref name="mimeTypes"/> given,
    /// one output in exactly those types.
    /// </summary>
    public void Display(object? value, IReadOnlyList<string> mimeTypes)
    {
        if (mimeTypes.Count > 0)
        {
            Write(new DisplayDataOutput([.. mimeTypes.Distinct().Select(mime => new FormattedOutput(mime, value.ToDisplayString(mime)))]));
            return;
        }
        foreach (var data in NotebookFormatters.FormatOutputs(value)) Write(new DisplayDataOutput(data));
    }

    /// <summary>
    /// Outputs a cell's trailing value: its first output as the execute result (what Jupyter shows as
    /// <c>Out[n]</c>), any charts after it as display data.
    /// </summary>
    public void Result(object? value)
    {
        var outputs = NotebookFormatters.FormatOutputs(value);
        Write(new ExecuteResultOutput(ExecutionCount, outputs[0]));
        foreach (var data in outputs.Skip(1)) Write(new DisplayDataOutput(data));
    }

    public void Write(CellOutput output)
    {
        lock (_gate)
        {
            if (_closed) return;
            FlushPending();
            sink.Write(output);
        }
    }

    /// <summary>Hands on any partial line and drops everything the cell produces from now on.</summary>
    public void Close()
    {
        lock (_gate)
        {
            if (_closed) return;
            FlushPending();
            _closed = true;
        }
    }

    private void FlushPending()
    {
        if (_pending.Length == 0) return;
        var text = _pending.ToString();
        _pending.Clear();
        sink.Write(new StreamOutput(_pendingStream, text));
    }

}
