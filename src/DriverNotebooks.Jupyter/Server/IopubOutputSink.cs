using System.Text;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Execution;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// Where a cell's outputs go in the kernel: published on IOPub as they happen, with the request as
/// their parent. Stream text is gathered for a moment (<see cref="KernelServerOptions.StreamFlushInterval"/>)
/// so a loop that prints thousands of lines sends a few messages, and is always sent before the next
/// other output, keeping the order. A silent request publishes nothing.
/// </summary>
internal sealed class IopubOutputSink(KernelServer server, JupyterMessage request, int executionCount, bool silent) : ICellOutputSink
{
    private readonly object _gate = new();
    private readonly StringBuilder _text = new();
    private string _textStream = StreamOutput.Stdout;
    private bool _flushScheduled;

    public void Write(CellOutput output)
    {
        if (silent) return;
        lock (_gate)
        {
            if (output is StreamOutput stream)
            {
                if (stream.Name != _textStream) FlushLocked();
                _textStream = stream.Name;
                _text.Append(stream.Text);
                if (!_flushScheduled)
                {
                    _flushScheduled = true;
                    _ = Task.Delay(server.StreamFlushInterval).ContinueWith(_ => Flush(), TaskScheduler.Default);
                }
                return;
            }
            FlushLocked();
            server.PublishOutput(request, output, executionCount);
        }
    }

    /// <summary>Publishes the stream text gathered so far.</summary>
    public void Flush()
    {
        lock (_gate) FlushLocked();
    }

    private void FlushLocked()
    {
        _flushScheduled = false;
        if (_text.Length == 0) return;
        var text = _text.ToString();
        _text.Clear();
        server.PublishOutput(request, new StreamOutput(_textStream, text), executionCount);
    }
}
