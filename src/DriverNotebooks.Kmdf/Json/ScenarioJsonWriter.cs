using System.Text.Encodings.Web;
using System.Text.Json;

namespace DriverNotebooks.Kmdf;

/// <summary>Writes a <see cref="Scenario"/> in the JSON scenario format (the inverse of <see cref="ScenarioJsonReader"/>).</summary>
internal static class ScenarioJsonWriter
{
    public static string Write(Scenario scenario)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("name", scenario.Name);
            w.WriteString("title", scenario.Title);
            if (scenario.Description.Length > 0) w.WriteString("description", scenario.Description);
            WriteBody(w, "driverEntry", scenario.DriverEntry);
            if (scenario.Events.Count > 0)
            {
                w.WriteStartArray("events");
                foreach (var e in scenario.Events) WriteEvent(w, e);
                w.WriteEndArray();
            }
            if (scenario.Failures.Count > 0)
            {
                w.WriteStartArray("failures");
                foreach (var f in scenario.Failures)
                {
                    w.WriteStartObject();
                    w.WriteString("step", f.StepId);
                    w.WriteString("status", f.Status.Name);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteEvent(Utf8JsonWriter w, ScenarioEvent e)
    {
        w.WriteStartObject();
        w.WriteString("event", JsonNames.Of(e.Kind));
        if (e.Kind is not (ScenarioEventKind.DeviceArrives or ScenarioEventKind.Unload)) w.WriteNumber("device", e.Device);
        if (e.Kind is ScenarioEventKind.DeviceArrives or ScenarioEventKind.ReadsComplete && e.Count != 1) w.WriteNumber("count", e.Count);
        if (e.Status is { } status) w.WriteString("status", status.Name);
        if (e.Disconnected) w.WriteBoolean("disconnected", true);
        w.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter w, string name, Body? body)
    {
        if (body is null) return;
        w.WriteStartArray(name);
        foreach (var step in body.Steps) WriteStep(w, step);
        w.WriteEndArray();
    }

    private static void WriteStep(Utf8JsonWriter w, Step step)
    {
        w.WriteStartObject();
        switch (step)
        {
            case AllocateStep a:
                w.WriteString("step", "allocate");
                w.WriteString("name", a.Name);
                w.WriteString("kind", JsonNames.Of(a.Kind));
                break;
            case FreeStep f:
                Named(w, "free", f.Name);
                if (f.Guarded) w.WriteBoolean("guarded", true);
                break;
            case UseStep u: Named(w, "use", u.Name); break;
            case EndUseStep u: Named(w, "endUse", u.Name); break;
            case CallStep c: Named(w, "call", c.Name); break;
            case WdfDriverCreateStep d:
                w.WriteString("step", "wdfDriverCreate");
                if (d.ObjectName != "WDFDRIVER") w.WriteString("name", d.ObjectName);
                if (d.Mode != DriverMode.Pnp) w.WriteString("mode", JsonNames.Of(d.Mode));
                if (d.Parent is not null) w.WriteString("parent", d.Parent);
                WriteBody(w, JsonNames.EvtDriverDeviceAdd, d.EvtDriverDeviceAdd);
                WriteBody(w, JsonNames.EvtDriverUnload, d.EvtDriverUnload);
                WriteBody(w, JsonNames.EvtCleanupCallback, d.EvtCleanupCallback);
                WriteBody(w, JsonNames.EvtDestroyCallback, d.EvtDestroyCallback);
                break;
            case WdfDeviceCreateStep d:
                w.WriteString("step", "wdfDeviceCreate");
                if (d.ObjectName != "WDFDEVICE") w.WriteString("name", d.ObjectName);
                foreach (var (callback, body) in d.Callbacks.OrderBy(c => c.Key)) WriteBody(w, JsonNames.Of(callback), body);
                WriteBody(w, JsonNames.EvtCleanupCallback, d.EvtCleanupCallback);
                WriteBody(w, JsonNames.EvtDestroyCallback, d.EvtDestroyCallback);
                break;
            case CreateObjectStep o:
                Named(w, JsonNames.StepOf(o.Type), o.Name);
                if (o.Parent is not null) w.WriteString("parent", o.Parent);
                if (o.IsDefaultQueue) w.WriteBoolean("defaultQueue", true);
                WriteBody(w, JsonNames.EvtCleanupCallback, o.EvtCleanupCallback);
                WriteBody(w, JsonNames.EvtDestroyCallback, o.EvtDestroyCallback);
                break;
            case SelectConfigStep s:
                w.WriteString("step", "wdfUsbTargetDeviceSelectConfig");
                w.WriteString("usbDevice", s.UsbDevice);
                w.WriteString("pipe", s.Pipe);
                break;
            case ConfigContinuousReaderStep r:
                w.WriteString("step", "wdfUsbTargetPipeConfigContinuousReader");
                w.WriteString("pipe", r.Pipe);
                WriteBody(w, JsonNames.EvtUsbTargetPipeReadComplete, r.EvtUsbTargetPipeReadComplete);
                if (r.NumPendingReads != 0) w.WriteNumber("numPendingReads", r.NumPendingReads);
                WriteBody(w, JsonNames.EvtUsbTargetPipeReadersFailed, r.EvtUsbTargetPipeReadersFailed);
                if (!r.RestartReaders) w.WriteBoolean("restartReaders", false);
                break;
            case IoTargetStartStep t:
                w.WriteString("step", "wdfIoTargetStart");
                w.WriteString("target", t.Target);
                break;
            case IoTargetStopStep t:
                w.WriteString("step", "wdfIoTargetStop");
                w.WriteString("target", t.Target);
                break;
            case ObjectDeleteStep d: Named(w, "wdfObjectDelete", d.Name); break;
            case ObjectReferenceStep r: Named(w, "wdfObjectReference", r.Name); break;
            case ObjectDereferenceStep r: Named(w, "wdfObjectDereference", r.Name); break;
            case ClassInitStep c:
                w.WriteString("step", JsonNames.Camel(c.Class.InitRoutine()));
                WriteBody(w, JsonNames.MiniportDriverUnload, c.MiniportDriverUnload);
                break;
            case SetDriverUnloadStep s:
                w.WriteString("step", "setDriverUnload");
                w.WriteString("routine", s.Routine);
                WriteBody(w, JsonNames.Body, s.Body);
                break;
            case CallSavedDriverUnloadStep: w.WriteString("step", "callSavedDriverUnload"); break;
            case WdfDriverMiniportUnloadStep: w.WriteString("step", "wdfDriverMiniportUnload"); break;
        }
        if (step is FallibleStep { OnFailure: { } onFailure }) WriteBody(w, JsonNames.OnFailure, onFailure);
        w.WriteEndObject();
    }

    private static void Named(Utf8JsonWriter w, string step, string name)
    {
        w.WriteString("step", step);
        w.WriteString("name", name);
    }
}
