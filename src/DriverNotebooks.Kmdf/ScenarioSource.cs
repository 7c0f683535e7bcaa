namespace DriverNotebooks.Kmdf;

/// <summary>Finds a scenario from what a user typed: a built-in name or a path to a JSON file.</summary>
public static class ScenarioSource
{
    /// <summary>
    /// A built-in scenario if <paramref name="nameOrPath"/> names one, otherwise the JSON file at that path.
    /// Throws <see cref="ScenarioFormatException"/> (one line) when it is neither, or the file is bad.
    /// </summary>
    public static Scenario Resolve(string nameOrPath)
    {
        if (BuiltInScenarios.TryGet(nameOrPath, out var builtIn)) return builtIn;
        if (File.Exists(nameOrPath)) return ScenarioJson.Load(nameOrPath);
        throw new ScenarioFormatException("$",
            $"'{nameOrPath}' is neither a built-in scenario nor an existing file; allowed: a .json file or one of {string.Join(", ", BuiltInScenarios.Names)}",
            fileName: nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? nameOrPath : null);
    }
}
