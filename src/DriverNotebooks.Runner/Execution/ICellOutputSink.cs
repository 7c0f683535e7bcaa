using System.Text;
using DriverNotebooks.Runner.Documents;

namespace DriverNotebooks.Runner.Execution;

/// <summary>
/// Receives a cell's outputs as they happen, in order: stream text, displayed values, the result and
/// an error. Calls never overlap, but they can come from the cell's own threads.
/// </summary>
internal interface ICellOutputSink
{
    void Write(CellOutput output);
}

/// <summary>
/// A sink that keeps the outputs, merging consecutive stream text of the same name as Jupyter does. The text
/// of the stream being written is gathered in a builder, so a cell printing many lines costs linear time.
/// </summary>
internal sealed class CollectingOutputSink : ICellOutputSink
{
    private readonly List<CellOutput> _outputs = [];
    private readonly StringBuilder _stream = new();
    private readonly object _gate = new();
    private string? _streamName;

    public IReadOnlyList<CellOutput> Outputs
    {
        get
        {
            lock (_gate) return _streamName is null ? [.. _outputs] : [.. _outputs, new StreamOutput(_streamName, _stream.ToString())];
        }
    }

    public void Write(CellOutput output)
    {
        lock (_gate)
        {
            if (output is StreamOutput stream)
            {
                if (_streamName != stream.Name) EndStream();
                _streamName = stream.Name;
                _stream.Append(stream.Text);
                return;
            }
            EndStream();
            _outputs.Add(output);
        }
    }

    private void EndStream()
    {
        if (_streamName is null) return;
        _outputs.Add(new StreamOutput(_streamName, _stream.ToString()));
        _stream.Clear();
        _streamName = null;
    }
}
