using System.Text;
using System.Text.Json;

namespace DriverNotebooks.Kmdf.Scan.Extraction;

/// <summary>A scenario made from driver source: its JSON text (what the user edits and re-runs), the scenario, and which step came from which line.</summary>
/// <param name="Json">The scenario JSON.</param>
/// <param name="Scenario">The JSON, parsed and validated by the KMDF engine.</param>
/// <param name="StepSources">Each scenario step's JSON path → the source step it stands for.</param>
/// <param name="Notes">What the scenario leaves out, and why.</param>
public sealed record SourceScenario(string Json, Scenario Scenario, IReadOnlyDictionary<string, SourceStep> StepSources, IReadOnlyList<string> Notes)
{
    /// <summary>The source step behind a fallible step id (<c>WdfDriverCreate</c>, <c>DriverEntry.Allocate(gBuffer)</c>).</summary>
    public SourceStep? SourceOfStepId(string id)
    {
        foreach (var step in Scenario.DriverEntry.Steps)
        {
            var stepId = step is WdfDriverCreateStep ? "WdfDriverCreate" : "DriverEntry." + step.LocalId;
            if (stepId == id) return StepSources.GetValueOrDefault(step.Path);
        }
        return null;
    }
}

/// <summary>
/// Writes a <see cref="DriverEntryModel"/> as scenario JSON for the KMDF engine (SCENARIOS.md): DriverEntry's steps
/// in order with their failure paths, the WDF_DRIVER_CONFIG's EvtDriverUnload, the WDFDRIVER's cleanup and destroy
/// callbacks as passed to WdfDriverCreate, class-driver registrations, and one event: the driver is unloaded.
/// </summary>
public static class ScenarioFromSource
{
    public static SourceScenario Build(DriverEntryModel model, string scenarioName, string title)
    {
        var notes = new List<string>(model.Notes);
        var resources = new Dictionary<string, ResourceKind>(StringComparer.Ordinal);
        var objects = new HashSet<string>(StringComparer.Ordinal) { "WDFDRIVER" };
        var created = false;
        foreach (var s in model.Entry.Steps)
        {
            if (s.Action == SourceAction.Allocate) resources.TryAdd(s.Name, s.Kind);
            if (s.Action == SourceAction.WdfDriverCreate) created = true;
            if (s.Action == SourceAction.CreateObject && created && !resources.ContainsKey(s.Name)) objects.Add(s.Name);
        }

        var sources = new Dictionary<string, SourceStep>(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("name", scenarioName);
            w.WriteString("title", title);
            w.WriteString("description", $"Read from {model.Entry.SourceFile}:{model.Entry.Line} ({model.Entry.Name}) by drivernb kmdf scan. Edit and re-run with drivernb kmdf faults --scenario FILE.");
            w.WritePropertyName("driverEntry");
            var writer = new BodyWriter(w, resources, objects, sources, notes);
            writer.Entry(model.Entry.Steps, "$.driverEntry");
            w.WritePropertyName("events");
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("event", "unload");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        var json = Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        var scenario = ScenarioJson.Parse(json, scenarioName + ".json");
        return new SourceScenario(json, scenario, sources, notes.Distinct().ToArray());
    }

    private sealed class BodyWriter(Utf8JsonWriter w, Dictionary<string, ResourceKind> resources, HashSet<string> objects, Dictionary<string, SourceStep> sources, List<string> notes)
    {
        private bool _driverCreated;

        public void Entry(IReadOnlyList<SourceStep> steps, string path)
        {
            w.WriteStartArray();
            var i = 0;
            foreach (var s in steps)
            {
                var p = $"{path}[{i}]";
                if (EntryStep(s, p))
                {
                    sources[p] = s;
                    i++;
                }
            }
            w.WriteEndArray();
        }

        private bool EntryStep(SourceStep s, string p)
        {
            switch (s.Action)
            {
                case SourceAction.Allocate:
                    w.WriteStartObject();
                    w.WriteString("step", "allocate");
                    w.WriteString("name", s.Name);
                    w.WriteString("kind", char.ToLowerInvariant(s.Kind.ToString()[0]) + s.Kind.ToString()[1..]);
                    if (s.Kind.CanFail()) Failure(s, p);
                    w.WriteEndObject();
                    return true;
                case SourceAction.Call:
                    w.WriteStartObject();
                    w.WriteString("step", "call");
                    w.WriteString("name", s.Name);
                    Failure(s, p);
                    w.WriteEndObject();
                    return true;
                case SourceAction.WdfDriverCreate when !_driverCreated:
                    _driverCreated = true;
                    var d = s.Driver!;
                    w.WriteStartObject();
                    w.WriteString("step", "wdfDriverCreate");
                    w.WriteString("mode", char.ToLowerInvariant(d.Mode.ToString()[0]) + d.Mode.ToString()[1..]);
                    if (d.DeviceAdd is not null && d.Mode == DriverMode.Pnp)
                    {
                        w.WritePropertyName("evtDriverDeviceAdd");
                        w.WriteStartArray();
                        w.WriteEndArray();
                    }
                    Routine("evtDriverUnload", d.Unload, p);
                    Routine("evtCleanupCallback", d.Cleanup, p);
                    Routine("evtDestroyCallback", d.Destroy, p);
                    Failure(s, p);
                    w.WriteEndObject();
                    return true;
                case SourceAction.CreateObject when objects.Contains(s.Name) && _driverCreated:
                    w.WriteStartObject();
                    w.WriteString("step", s.ObjectType == WdfObjectType.ControlDevice ? "wdfControlDeviceCreate" : StepName(s.ObjectType));
                    w.WriteString("name", s.Name);
                    Failure(s, p);
                    w.WriteEndObject();
                    return true;
                case SourceAction.ClassInit:
                    w.WriteStartObject();
                    w.WriteString("step", char.ToLowerInvariant(s.Name[0]) + s.Name[1..]);
                    if (s.Class == ClassDriver.Ndis && s.Routine is not null) Routine("miniportDriverUnload", s.Routine, p);
                    Failure(s, p);
                    w.WriteEndObject();
                    return true;
                case SourceAction.SetDriverUnload when s.Routine is not null:
                    w.WriteStartObject();
                    w.WriteString("step", "setDriverUnload");
                    w.WriteString("routine", s.Name);
                    w.WritePropertyName("body");
                    Cleanup(s.Routine.Steps, p + ".body");
                    w.WriteEndObject();
                    return true;
                case SourceAction.Free:
                case SourceAction.ObjectDelete:
                case SourceAction.MiniportUnload:
                    return CleanupStep(s, p);
                default:
                    if (s.Action == SourceAction.CreateObject) notes.Add($"{s.SourceFile}:{s.Line}: {s.Code} — a framework object made before WdfDriverCreate or with a clashing name is not modelled");
                    return false;
            }
        }

        private static string StepName(WdfObjectType type) => type switch
        {
            WdfObjectType.Lookaside => "wdfLookasideListCreate",
            WdfObjectType.Memory => "wdfMemoryCreate",
            WdfObjectType.Collection => "wdfCollectionCreate",
            WdfObjectType.String => "wdfStringCreate",
            WdfObjectType.WaitLock => "wdfWaitLockCreate",
            WdfObjectType.SpinLock => "wdfSpinLockCreate",
            _ => "wdfObjectCreate",
        };

        private void Failure(SourceStep s, string p)
        {
            if (s.OnFailure.Count == 0) return;
            w.WritePropertyName("onFailure");
            Cleanup(s.OnFailure, p + ".onFailure");
        }

        private void Routine(string field, RoutineBody? routine, string p)
        {
            if (routine is null) return;
            w.WritePropertyName(field);
            Cleanup(routine.Steps, $"{p}.{field}");
        }

        private void Cleanup(IReadOnlyList<SourceStep> steps, string path)
        {
            w.WriteStartArray();
            var i = 0;
            foreach (var s in steps)
            {
                var p = $"{path}[{i}]";
                if (CleanupStep(s, p))
                {
                    sources[p] = s;
                    i++;
                }
            }
            w.WriteEndArray();
        }

        private bool CleanupStep(SourceStep s, string p)
        {
            switch (s.Action)
            {
                case SourceAction.Free when resources.ContainsKey(s.Name):
                    w.WriteStartObject();
                    w.WriteString("step", "free");
                    w.WriteString("name", s.Name);
                    if (s.Guarded) w.WriteBoolean("guarded", true);
                    w.WriteEndObject();
                    return true;
                case SourceAction.Free:
                    notes.Add($"{s.SourceFile}:{s.Line}: {s.Code} — frees '{s.Name}', which DriverEntry does not allocate: not modelled");
                    return false;
                case SourceAction.ObjectDelete when objects.Contains(s.Name) && s.Name != "WDFDRIVER":
                    w.WriteStartObject();
                    w.WriteString("step", "wdfObjectDelete");
                    w.WriteString("name", s.Name);
                    w.WriteEndObject();
                    return true;
                case SourceAction.MiniportUnload:
                    w.WriteStartObject();
                    w.WriteString("step", "wdfDriverMiniportUnload");
                    w.WriteEndObject();
                    return true;
                default:
                    return false;
            }
        }
    }
}
