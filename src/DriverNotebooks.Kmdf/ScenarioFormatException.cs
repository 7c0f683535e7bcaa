namespace DriverNotebooks.Kmdf;

/// <summary>
/// A scenario (JSON file or builder) that cannot be simulated: malformed JSON, an unknown step, a missing field,
/// a parent cycle, freeing something never allocated… The <see cref="Exception.Message"/> is one line naming the
/// file, the line:column and JSON path where known, what is wrong and what is allowed, e.g.
/// <c>bad.json:14:17 ($.driverEntry[2].step): unknown step 'Alocate'; allowed: allocate, free, …</c>.
/// </summary>
public sealed class ScenarioFormatException : Exception
{
    public ScenarioFormatException(string jsonPath, string problem, string? fileName = null, int? line = null, int? column = null, string? scenarioName = null)
        : base(Compose(jsonPath, problem, fileName, line, column, scenarioName))
    {
        JsonPath = jsonPath;
        Problem = OneLine(problem);
        FileName = fileName;
        Line = line;
        Column = column;
        ScenarioName = scenarioName;
    }

    /// <summary>Where the problem is, as a JSON path (<c>$.driverEntry[2].step</c>); <c>$</c> for the whole document.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong and what is allowed, without the location.</summary>
    public string Problem { get; }

    /// <summary>The file name as given to the loader, when the scenario came from a file.</summary>
    public string? FileName { get; }

    /// <summary>1-based line in the file, when known.</summary>
    public int? Line { get; }

    /// <summary>1-based column in the file, when known.</summary>
    public int? Column { get; }

    /// <summary>The scenario's name, when the problem was found in a built scenario rather than a file.</summary>
    public string? ScenarioName { get; }

    internal ScenarioFormatException At(string? fileName, int? line, int? column) =>
        new(JsonPath, Problem, fileName, line, column, fileName is null ? ScenarioName : null);

    private static string Compose(string path, string problem, string? file, int? line, int? column, string? scenario)
    {
        var where = file is not null
            ? line is not null ? $"{file}:{line}:{column ?? 1} ({path})" : $"{file} ({path})"
            : scenario is not null ? $"scenario '{scenario}' ({path})" : $"({path})";
        return $"{where}: {OneLine(problem)}";
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
