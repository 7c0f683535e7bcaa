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

/// <summary>A sink that keeps the outputs, merging consecutive stream text of the same name as Jupyter does.</summary>
internal sealed class CollectingOutputSink : ICellOutputSink
{
    private readonly List<CellOutput> _outputs = [];
    private readonly object _gate = new();

    public IReadOnlyList<CellOutput> Outputs
    {
        get
        {
            lock (_gate) return [.. _outputs];
        }
    }

    public void Write(CellOutput output)
    {
        lock (_gate)
        {
            if (output is StreamOutput stream && _outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == stream.Name)
            {
                _outputs[^1] = last with { Text = last.Text + stream.Text };
                return;
            }
            _outputs.Add(output);
        }
    }
}
