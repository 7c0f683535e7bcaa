using DriverNotebooks.Formatting;

namespace DriverNotebooks.Runner.Documents;

/// <summary>One output of a cell, shaped like nbformat's output types so writers and kernels map it one to one.</summary>
internal abstract record CellOutput;

/// <summary>Text the cell wrote to <c>Console.Out</c> (<c>stdout</c>) or <c>Console.Error</c> (<c>stderr</c>).</summary>
internal sealed record StreamOutput(string Name, string Text) : CellOutput
{
    public const string Stdout = "stdout";
    public const string Stderr = "stderr";
}

/// <summary>A value shown with <c>display(…)</c>, <c>.Display()</c> or by a magic command: one text per MIME type.</summary>
internal sealed record DisplayDataOutput(IReadOnlyList<FormattedOutput> Data) : CellOutput;

/// <summary>The value of a cell's trailing expression, one text per MIME type.</summary>
internal sealed record ExecuteResultOutput(int ExecutionCount, IReadOnlyList<FormattedOutput> Data) : CellOutput;

/// <summary>
/// Why a cell failed, as Jupyter stores it: <paramref name="Name"/> is the error's kind (an exception
/// type, <c>CompilationError</c>, <c>MagicCommandError</c> …), <paramref name="Value"/> a one-line
/// message and <paramref name="Traceback"/> the lines to show (compiler diagnostics or stack frames).
/// </summary>
internal sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
