using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>The JSON scenario format: equivalent to the builder, and every user mistake is one line naming file, line:column and JSON path.</summary>
public sealed class ScenarioJsonFormat
{
    private const string Valid = """
        {
          "name": "json-driver",
          "title": "From JSON",
          "driverEntry": [
            { "step": "wdfDriverCreate",
              "evtDriverDeviceAdd": [
                { "step": "wdfDeviceCreate",
                  "evtDevicePrepareHardware": [ { "step": "allocate", "name": "ctx", "kind": "other" } ],
                  "evtDeviceReleaseHardware": [ { "step": "free", "name": "ctx" } ] }
              ],
              "evtCleanupCallback": [ { "step": "free", "name": "gBuffer" } ] },
            { "step": "allocate", "name": "gBuffer", "kind": "pool" },
            { "step": "call", "name": "ReadRegistryParameters" }
          ],
          "events": [ { "event": "deviceArrives" }, { "event": "remove", "device": 1 }, { "event": "unload" } ],
          "failures": [ { "step": "DriverEntry.Call(ReadRegistryParameters)", "status": "STATUS_OBJECT_NAME_NOT_FOUND" } ]
        }
        """;

    private static ScenarioFormatException Bad(string json) =>
        Assert.Throws<ScenarioFormatException>(() => ScenarioJson.Parse(json, "bad.json"));

    private static void OneLine(ScenarioFormatException e)
    {
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("   at ", e.Message);
        Assert.StartsWith("bad.json:", e.Message);
    }

    [Fact]
    public void A_JSON_scenario_runs_exactly_like_the_same_scenario_built_in_CSharp()
    {
        var fromJson = ScenarioJson.Parse(Valid);
        var fromBuilder = Scenario.Named("json-driver")
            .Titled("From JSON")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d
                    .OnDeviceAdd(a => a.WdfDeviceCreate(dev => dev.OnPrepareHardware(p => p.Allocate("ctx", ResourceKind.Other)).OnReleaseHardware(r => r.Free("ctx"))))
                    .OnCleanup(c => c.Free("gBuffer")))
                .Allocate("gBuffer")
                .Call("ReadRegistryParameters"))
            .DeviceArrives().RemoveDevice(1).Unload()
            .Failing("DriverEntry.Call(ReadRegistryParameters)", NtStatus.ObjectNameNotFound)
            .Build();

        var a = LifecycleSimulator.Run(fromJson);
        var b = LifecycleSimulator.Run(fromBuilder);

        Assert.Equal(b.Trace, a.Trace);
        Assert.Equal(b.Findings, a.Findings);
        Assert.Equal(NtStatus.ObjectNameNotFound, a.Outcome.DriverEntryStatus);
    }

    [Fact]
    public void Writing_a_scenario_and_reading_it_back_gives_the_same_run()
    {
        foreach (var scenario in BuiltInScenarios.All)
        {
            var json = ScenarioJson.Write(scenario);
            var back = ScenarioJson.Parse(json, $"{scenario.Name}.json");

            Assert.Equal(json, ScenarioJson.Write(back));
            Assert.Equal(LifecycleSimulator.Run(scenario).Trace, LifecycleSimulator.Run(back).Trace);
        }
    }

    [Fact]
    public void An_unknown_step_names_the_line_column_path_and_the_allowed_steps()
    {
        var e = Bad("""
            {
              "name": "x",
              "driverEntry": [
                { "step": "wdfDriverCreate" },
                { "step": "Alocate", "name": "gBuffer" }
              ]
            }
            """);

        OneLine(e);
        Assert.StartsWith("bad.json:5:15 ($.driverEntry[1].step): unknown step 'Alocate'; allowed: allocate, free, use,", e.Message);
        Assert.Equal((5, 15), (e.Line, e.Column));
    }

    [Fact]
    public void A_missing_field_names_the_object_and_the_allowed_fields()
    {
        var e = Bad("""{ "name": "x", "driverEntry": [ { "step": "allocate", "kind": "pool" } ] }""");

        OneLine(e);
        Assert.Equal("bad.json:1:33 ($.driverEntry[0]): missing field 'name'; allowed: step, name, kind, onFailure", e.Message);
    }

    [Fact]
    public void An_unknown_field_is_rejected_with_the_allowed_fields()
    {
        var e = Bad("""{ "name": "x", "driverEntry": [ { "step": "free", "nam": "gBuffer" } ] }""");

        OneLine(e);
        Assert.Contains("($.driverEntry[0].nam): unknown field 'nam' in free; allowed: step, name", e.Message);
    }

    [Fact]
    public void Freeing_something_never_allocated_lists_what_is_allocated()
    {
        var e = Bad("""
            { "name": "x", "driverEntry": [
                { "step": "allocate", "name": "gBuffer" },
                { "step": "free", "name": "gBufer" } ] }
            """);

        OneLine(e);
        Assert.Equal("bad.json:3:31 ($.driverEntry[1].name): free of 'gBufer', which is never allocated; allowed: gBuffer", e.Message);
    }

    [Fact]
    public void A_parent_cycle_is_rejected()
    {
        var e = Bad("""
            { "name": "x", "driverEntry": [
                { "step": "wdfDriverCreate" },
                { "step": "wdfObjectCreate", "name": "A", "parent": "B" },
                { "step": "wdfObjectCreate", "name": "B", "parent": "A" } ] }
            """);

        OneLine(e);
        Assert.Contains("($.driverEntry[1].parent): parent cycle: A → B → A; allowed: a parent chain that ends at the WDFDRIVER", e.Message);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Malformed_JSON_gives_the_position_without_the_raw_parser_message()
    {
        var e = Bad("{ \"name\": \"x\",\n  \"driverEntry\": [ { \"step\": \"free\" ,, } ] }");

        OneLine(e);
        Assert.StartsWith("bad.json:2:", e.Message);
        Assert.Contains("malformed JSON:", e.Message);
        Assert.DoesNotContain("LineNumber", e.Message);
        Assert.DoesNotContain("BytePositionInLine", e.Message);
    }

    [Fact]
    public void A_wrong_type_says_what_was_found()
    {
        var e = Bad("""{ "name": "x", "driverEntry": { "step": "free" } }""");

        OneLine(e);
        Assert.Contains("($.driverEntry): expected an array of steps, got an object", e.Message);
    }

    [Fact]
    public void A_guarded_free_is_written_as_guarded_true_and_read_back()
    {
        var built = Scenario.Named("guard").DriverEntry(e => e.WdfDriverCreate(d => d.OnCleanup(c => c.FreeIfAllocated("gBuffer"))).Allocate("gBuffer")).Build();

        var json = ScenarioJson.Write(built);
        var read = ScenarioJson.Parse(json, "guard.json");

        Assert.Contains("\"guarded\": true", json);
        Assert.True(LifecycleSimulator.Run(read, "DriverEntry.Allocate(gBuffer)").IsClean);
    }

    [Fact]
    public void An_onFailure_on_an_allocation_that_cannot_fail_is_rejected()
    {
        var e = Bad("""{ "name": "x", "driverEntry": [ { "step": "allocate", "name": "g", "kind": "wdmLookaside", "onFailure": [] } ] }""");

        OneLine(e);
        Assert.Contains("($.driverEntry[0].onFailure): ExInitializeNPagedLookasideList returns VOID and cannot fail", e.Message);
    }

    [Fact]
    public void An_unknown_enum_value_lists_the_allowed_values()
    {
        var e = Bad("""{ "name": "x", "driverEntry": [ { "step": "allocate", "name": "g", "kind": "pol" } ] }""");

        Assert.Contains("($.driverEntry[0].kind): unknown kind 'pol'; allowed: pool, wdmLookaside, wdmLookasideEx, tracing, handle, other", e.Message);
    }

    [Fact]
    public void An_event_for_a_device_that_has_not_arrived_is_rejected()
    {
        var e = Bad("""{ "name": "x", "driverEntry": [], "events": [ { "event": "deviceArrives" }, { "event": "remove", "device": 2 } ] }""");

        Assert.Contains("($.events[1].device): device 2 has not arrived; allowed: 1..1", e.Message);
    }

    [Fact]
    public void An_unknown_status_lists_the_known_ones()
    {
        var e = Bad("""{ "name": "x", "driverEntry": [], "failures": [ { "step": "WdfDriverCreate", "status": "STATUS_NOPE" } ] }""");

        Assert.Contains("($.failures[0].status): unknown status 'STATUS_NOPE'; allowed:", e.Message);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted()
    {
        var scenario = ScenarioJson.Parse("""
            { // a driver
              "name": "c", "driverEntry": [ { "step": "wdfDriverCreate" }, ], }
            """);

        Assert.Equal("c", scenario.Name);
    }

    [Fact]
    public void A_missing_file_is_a_one_line_format_error_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");

        var e = Assert.Throws<ScenarioFormatException>(() => ScenarioJson.Load(path));

        Assert.StartsWith($"{path} ($): cannot read the file", e.Message);
    }

    [Fact]
    public void Loading_a_file_reports_errors_under_the_given_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kmdf-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "name": "x", "driverEntry": [ { "step": "nope" } ] }""");
        try
        {
            var e = Assert.Throws<ScenarioFormatException>(() => ScenarioSource.Resolve(path));

            Assert.StartsWith($"{path}:1:43 ($.driverEntry[0].step): unknown step 'nope'", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Resolving_a_name_that_is_neither_built_in_nor_a_file_lists_the_built_ins()
    {
        var e = Assert.Throws<ScenarioFormatException>(() => ScenarioSource.Resolve("ful-lifecycle"));

        Assert.Contains("allowed: a .json file or one of cleanup-in-evtdriverunload,", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
