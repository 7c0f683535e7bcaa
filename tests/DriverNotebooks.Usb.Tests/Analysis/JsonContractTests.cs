using System.Text.Json;

namespace DriverNotebooks.Usb.Tests.Analysis;

/// <summary>The result records serialize with System.Text.Json as the CLI will emit them (camelCase, no custom converters).</summary>
public sealed class JsonContractTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void The_report_carries_the_json_names_the_issue_requires()
    {
        var json = JsonSerializer.Serialize(ThroughputAnalysis.Analyze(ThreadScenario.Endpoint, ThreadScenario.Pipeline), Web);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(8_192_000, root.GetProperty("busLimitBytesPerSecond").GetDouble());
        Assert.Equal(125e-6, root.GetProperty("servicePeriodSeconds").GetDouble());
        Assert.Equal(1024, root.GetProperty("bytesPerInterval").GetInt64());
        Assert.Equal(20835, root.GetProperty("transactionBusTimeNanoseconds").GetInt64());
        Assert.Equal(16_384_000, root.GetProperty("pipelineLimitBytesPerSecond").GetDouble(), 6);
        Assert.Equal(8_192_000, root.GetProperty("throughputBytesPerSecond").GetDouble());
        Assert.Equal((int)LimitedBy.Bus, root.GetProperty("limitedBy").GetInt32());
        Assert.StartsWith("Device-limited", root.GetProperty("verdict").GetProperty("text").GetString());
    }

    [Fact]
    public void Simulation_sweep_and_admission_results_serialize()
    {
        var simulation = ReaderSimulation.Run(ThreadScenario.Simulation with { SimulatedTime = Duration.FromSeconds(0.1), Timeline = new TimelineOptions(10, 5) });
        Assert.Contains("\"lostOpportunities\"", JsonSerializer.Serialize(simulation, Web));
        var sweep = Sweep.Run(SweepSettings.Default with { PendingReads = [1, 4], SimulatedTime = Duration.FromSeconds(0.05), Seeds = 2 });
        Assert.Contains("\"simulatedMeanBytesPerSecond\"", JsonSerializer.Serialize(sweep, Web));
        var admission = PeriodicAdmission.Check(UsbSpeed.High, ThreadScenario.Endpoint, ThreadScenario.Endpoint);
        Assert.Contains("\"overByNanoseconds\"", JsonSerializer.Serialize(admission, Web));
    }
}
