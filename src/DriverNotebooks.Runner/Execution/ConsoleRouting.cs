using System.Text;

namespace DriverNotebooks.Runner.Execution;

/// <summary>
/// Routes <c>Console.Out</c> and <c>Console.Error</c> to the cell running on the writing thread's
/// async flow, and everything else to the real console. Installed once per process, so sessions
/// running side by side each capture their own cell's text.
/// </summary>
internal static class ConsoleRouting
{
    private static readonly object Gate = new();
    private static RoutingWriter? _out;
    private static RoutingWriter? _error;

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_out is not null) return;
            _out = new RoutingWriter(Console.Out, Documents.StreamOutput.Stdout);
            _error = new RoutingWriter(Console.Error, Documents.StreamOutput.Stderr);
            Console.SetOut(_out);
            Console.SetError(_error);
        }
    }

    /// <summary>Puts the routing back where a cell replaced <c>Console.Out</c> or <c>Console.Error</c>; called before each cell.</summary>
    public static void Reinstate()
    {
        lock (Gate)
        {
            if (_out is null || _error is null) return;
            // Setting it again is cheaper than finding out whether a cell changed it (Console wraps what it is given).
            Console.SetOut(_out);
            Console.SetError(_error);
        }
    }

    private sealed class RoutingWriter(TextWriter console, string stream) : TextWriter
    {
        public override Encoding Encoding => console.Encoding;

        public override IFormatProvider FormatProvider => console.FormatProvider;

        public override string NewLine
        {
            get => console.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter accepts null; the console's does too.
            set => console.NewLine = value;
#pragma warning restore CS8765
        }

        public override void Write(char value)
        {
            if (CellContext.Current is { } cell) cell.WriteStream(stream, value.ToString());
            else console.Write(value);
        }

        public override void Write(string? value)
        {
            if (CellContext.Current is { } cell) cell.WriteStream(stream, value);
            else console.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            if (CellContext.Current is { } cell) cell.WriteStream(stream, new string(buffer, index, count));
            else console.Write(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            if (CellContext.Current is { } cell) cell.WriteStream(stream, new string(buffer));
            else console.Write(buffer);
        }

        public override void WriteLine(string? value)
        {
            if (CellContext.Current is { } cell) cell.WriteStream(stream, value + console.NewLine);
            else console.WriteLine(value);
        }

        public override void WriteLine()
        {
            if (CellContext.Current is { } cell) cell.WriteStream(stream, console.NewLine);
            else console.WriteLine();
        }

        public override void Flush()
        {
            if (CellContext.Current is null) console.Flush();
        }
    }
}
