using DriverNotebooks.Kmdf.Scan;

namespace DriverNotebooks.Commands.Kmdf;

/// <summary>Writes the scenarios a scan made, one <c>NAME.json</c> each, whole or not at all (a temporary file renamed into place).</summary>
public static class ScenarioFiles
{
    public static IReadOnlyList<string> Write(string folder, ScanReport report)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var written = new List<string>();
            foreach (var driver in report.Drivers)
            {
                var scenario = driver.Analysis.Scenario;
                var path = Path.Combine(folder, scenario.Scenario.Name + ".json");
                var temporary = path + ".tmp";
                File.WriteAllText(temporary, scenario.Json);
                File.Move(temporary, path, overwrite: true);
                written.Add(path);
            }
            return written;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"--write-scenarios {Phrases.Quote(folder)}: cannot write there: {e.Message}");
        }
    }
}
