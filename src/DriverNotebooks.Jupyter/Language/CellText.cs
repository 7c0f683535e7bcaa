using DriverNotebooks.Commands;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Execution;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// A cell's text as the language services see it: the C# that <see cref="CellSource"/> would compile,
/// with the lines it handles itself (magic commands, <c>#r "nuget: …"</c>) blanked to spaces rather
/// than removed, so positions in it are positions in the cell.
/// </summary>
internal static class CellText
{
    /// <summary>The C# of <paramref name="code"/>, the same length, every handled line replaced by spaces.</summary>
    public static string CSharpOf(string code)
    {
        // '\r' becomes a space so the text keeps its length while CellSource splits on '\n' only.
        var sameLength = code.Replace('\r', ' ');
        var parsed = CellSource.Parse(sameLength, KernelInfo.CSharp, KernelInfo.Default);
        var original = sameLength.Split('\n');
        var compiled = parsed.Code.Split('\n');
        for (var i = 0; i < original.Length && i < compiled.Length; i++)
        {
            if (compiled[i].Length == 0 && original[i].Length > 0) original[i] = new string(' ', original[i].Length);
        }
        return string.Join('\n', original);
    }

    /// <summary>The line around <paramref name="position"/>: where it starts and its text up to the end of the line.</summary>
    public static (int Start, string Text) LineAt(string code, int position)
    {
        var start = position == 0 ? 0 : code.LastIndexOf('\n', position - 1) + 1;
        var end = code.IndexOf('\n', position);
        if (end < 0) end = code.Length;
        return (start, code[start..end].TrimEnd('\r'));
    }

    /// <summary>True when the line is a magic command (<c>#!usb-throughput …</c>).</summary>
    public static bool IsMagicLine(string line) => MagicCommands.IsMagicLine(line);
}
