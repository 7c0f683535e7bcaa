using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>SCENARIOS.md stays true: its JSON examples load and run, and it lists every built-in with its title.</summary>
public sealed partial class ScenariosDocumentation
{
    private static string Document([CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "DriverNotebooks.Kmdf", "SCENARIOS.md"));

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [Fact]
    public void Every_JSON_example_in_SCENARIOS_md_loads_and_runs()
    {
        var blocks = JsonBlock().Matches(Document()).Select(m => m.Groups[1].Value).ToList();

        Assert.True(blocks.Count >= 5);
        foreach (var json in blocks)
        {
            var result = LifecycleSimulator.Run(ScenarioJson.Parse(json, "SCENARIOS.md"));
            Assert.Empty(result.UnreachedFailures);
        }
    }

    [Fact]
    public void The_first_example_leaks_what_the_document_says()
    {
        var first = JsonBlock().Match(Document()).Groups[1].Value;

        var result = LifecycleSimulator.Run(ScenarioJson.Parse(first));

        Assert.Equal(["gBuffer", "gLookaside"], result.Leaked);
        Assert.False(result.Outcome.EvtDriverUnloadRan);
    }

    [Fact]
    public void SCENARIOS_md_lists_every_built_in_with_its_title()
    {
        var document = Document();

        Assert.All(BuiltInScenarios.All, s => Assert.Contains($"| `{s.Name}` | {s.Title} |", document));
    }

    [Fact]
    public void SCENARIOS_md_states_every_size_limit_with_its_value()
    {
        var document = Document();
        var limits = typeof(ScenarioLimits).GetFields().Concat(typeof(FaultSweepLimits).GetFields()).Where(f => f.IsLiteral).ToList();

        Assert.Equal(10, limits.Count);
        Assert.All(limits, f => Assert.Contains(
            $"| `{f.DeclaringType!.Name}.{f.Name}` | {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}",
            document));
    }

    [Fact]
    public void SCENARIOS_md_documents_every_step_name()
    {
        var document = Document();

        Assert.All(ScenarioJson.StepNames, step => Assert.Contains($"`{step}`", document));
    }
}
