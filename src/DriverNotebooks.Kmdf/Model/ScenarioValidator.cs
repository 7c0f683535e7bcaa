namespace DriverNotebooks.Kmdf;

/// <summary>
/// Static checks of a scenario before it runs, and assignment of step ids. Anything that is a mistake in the
/// scenario (rather than a bug of the simulated driver, which the run reports) is a <see cref="ScenarioFormatException"/>.
/// </summary>
internal sealed class ScenarioValidator
{
    private readonly string _scenario;
    private readonly List<(Step Step, Context Ctx)> _steps = [];
    private readonly Dictionary<string, (WdfObjectType Type, string? Parent, string Path)> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _resources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pipes = new(StringComparer.Ordinal);

    private ScenarioValidator(string scenario) => _scenario = scenario;

    private enum Where { DriverEntry, DriverRoutine, DeviceAdd, DeviceCallback }

    private sealed record Context(Where Where, bool InDevice, bool InUnloadHook, string Routine);

    public static void Validate(string name, Body driverEntry, IReadOnlyList<ScenarioEvent> events, IReadOnlyList<InjectedFailure> failures)
    {
        var v = new ScenarioValidator(name);
        v.CheckName(name, "$.name", "scenario name");
        v.Collect(driverEntry, new Context(Where.DriverEntry, false, false, "DriverEntry"), new Dictionary<string, int>());
        v.CheckReferences();
        v.CheckParentCycles();
        v.CheckEvents(events);
        for (var i = 0; i < failures.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(failures[i].StepId))
                throw v.Error($"$.failures[{i}]", "empty step id; allowed: an id such as DriverEntry.Allocate(gBuffer), WdfDriverCreate or EvtDevicePrepareHardware#1");
        }
    }

    private ScenarioFormatException Error(string path, string problem) => new(path, problem, scenarioName: _scenario);

    private void Collect(Body body, Context ctx, Dictionary<string, int> ids)
    {
        foreach (var step in body.Steps)
        {
            var display = step.Display;
            var n = ids.TryGetValue(display, out var seen) ? seen + 1 : 1;
            ids[display] = n;
            step.LocalId = n == 1 ? display : $"{display}[{n}]";
            _steps.Add((step, ctx));
            if (_steps.Count > ScenarioLimits.MaxSteps)
                throw Error(step.Path, $"more than {ScenarioLimits.Format(ScenarioLimits.MaxSteps)} steps; allowed: at most {ScenarioLimits.Format(ScenarioLimits.MaxSteps)} steps in a scenario (ScenarioLimits.MaxSteps)");
            Declare(step, ctx);
            foreach (var (child, childCtx) in Nested(step, ctx))
                Collect(child, childCtx, new Dictionary<string, int>());
            if (step is FallibleStep { OnFailure: { } onFailure })
                Collect(onFailure, ctx, ids);
        }
    }

    private static IEnumerable<(Body, Context)> Nested(Step step, Context ctx)
    {
        Context Driver(string routine) => new(Where.DriverRoutine, false, false, routine);
        Context Device(string routine) => new(Where.DeviceCallback, true, false, routine);
        switch (step)
        {
            case WdfDriverCreateStep d:
                if (d.EvtDriverDeviceAdd is { } add) yield return (add, new Context(Where.DeviceAdd, true, false, "EvtDriverDeviceAdd"));
                if (d.EvtDriverUnload is { } unload) yield return (unload, Driver("EvtDriverUnload"));
                if (d.EvtCleanupCallback is { } c) yield return (c, Driver($"{d.ObjectName}.EvtCleanupCallback"));
                if (d.EvtDestroyCallback is { } x) yield return (x, Driver($"{d.ObjectName}.EvtDestroyCallback"));
                break;
            case WdfDeviceCreateStep dev:
                foreach (var (callback, b) in dev.Callbacks.OrderBy(p => p.Key)) yield return (b, Device(callback.ToString()));
                if (dev.EvtCleanupCallback is { } dc) yield return (dc, Device($"{dev.ObjectName}.EvtCleanupCallback"));
                if (dev.EvtDestroyCallback is { } dd) yield return (dd, Device($"{dev.ObjectName}.EvtDestroyCallback"));
                break;
            case CreateObjectStep o:
                var objCtx = ctx.InDevice ? Device($"{o.Name}.Evt") : Driver($"{o.Name}.Evt");
                if (o.EvtCleanupCallback is { } oc) yield return (oc, objCtx);
                if (o.EvtDestroyCallback is { } od) yield return (od, objCtx);
                break;
            case ConfigContinuousReaderStep r:
                yield return (r.EvtUsbTargetPipeReadComplete, Device("EvtUsbTargetPipeReadComplete"));
                if (r.EvtUsbTargetPipeReadersFailed is { } rf) yield return (rf, Device("EvtUsbTargetPipeReadersFailed"));
                break;
            case ClassInitStep { MiniportDriverUnload: { } mu }:
                yield return (mu, Driver("MiniportDriverUnload"));
                break;
            case SetDriverUnloadStep s:
                yield return (s.Body, new Context(Where.DriverRoutine, false, true, s.Routine));
                break;
        }
    }

    private void Declare(Step step, Context ctx)
    {
        switch (step)
        {
            case AllocateStep a:
                CheckName(a.Name, a.Path + ".name", "resource name");
                if (!a.Kind.IsDriverAllocated())
                    throw Error(a.Path + ".kind", $"kind '{a.Kind}' cannot be allocated by the driver; allowed: pool, wdmLookaside, wdmLookasideEx, tracing, handle, other");
                if (!a.Kind.CanFail() && a.OnFailure is not null)
                    throw Error(a.Path + ".onFailure", $"ExInitializeNPagedLookasideList returns VOID and cannot fail, so it has no failure path; allowed: no onFailure, or kind wdmLookasideEx (ExInitializeLookasideListEx), which can fail");
                if (_objects.ContainsKey(a.Name))
                    throw Error(a.Path + ".name", $"'{a.Name}' is already a framework object; allowed: a name not used by any object");
                _resources.TryAdd(a.Name, a.Path);
                break;
            case WdfDriverCreateStep d:
                if (ctx.Where != Where.DriverEntry)
                    throw Error(d.Path + ".step", "wdfDriverCreate belongs in DriverEntry; allowed: only in driverEntry");
                DeclareObject(d.ObjectName, WdfObjectType.Driver, null, d.Path);
                break;
            case WdfDeviceCreateStep dev:
                if (ctx.Where != Where.DeviceAdd)
                    throw Error(dev.Path + ".step", "wdfDeviceCreate belongs in EvtDriverDeviceAdd; allowed: only in evtDriverDeviceAdd (use wdfControlDeviceCreate or wdfDeviceMiniportCreate elsewhere)");
                DeclareObject(dev.ObjectName, WdfObjectType.Device, null, dev.Path);
                break;
            case CreateObjectStep o:
                if (o.Type is WdfObjectType.Driver or WdfObjectType.Device or WdfObjectType.UsbInterface or WdfObjectType.UsbPipe)
                    throw Error(o.Path + ".step", $"{o.Type} objects are created by their own steps; allowed: wdfDriverCreate, wdfDeviceCreate, wdfUsbTargetDeviceSelectConfig");
                if (o.Parent is null && o.Type.DefaultParent() == DefaultParent.Device && !ctx.InDevice)
                    throw Error(o.Path, $"{o.Type.CreateDdi()} needs a device; allowed: inside evtDriverDeviceAdd or a device callback, or with a 'parent'");
                if (o.Parent is not null && !o.Type.MayOverrideParent())
                    throw Error(o.Path + ".parent", $"a {o.Type.HandleType()} cannot be given a parent; allowed: no 'parent' field");
                if (o.IsDefaultQueue && o.Type != WdfObjectType.Queue)
                    throw Error(o.Path + ".defaultQueue", "only queues can be default queues; allowed: defaultQueue on wdfIoQueueCreate");
                DeclareObject(o.Name, o.Type, o.Parent, o.Path);
                break;
            case SelectConfigStep s:
                DeclareObject(s.Pipe, WdfObjectType.UsbPipe, null, s.Path);
                _pipes.Add(s.Pipe);
                break;
            case ClassInitStep c:
                if (ctx.Where != Where.DriverEntry)
                    throw Error(c.Path + ".step", $"{c.Class.InitRoutine()} is called from DriverEntry; allowed: only in driverEntry");
                if (c.MiniportDriverUnload is not null && c.Class != ClassDriver.Ndis)
                    throw Error(c.Path + ".miniportDriverUnload", "only NDIS calls a MiniportDriverUnload; allowed: miniportDriverUnload on ndisMRegisterMiniportDriver");
                break;
            case SetDriverUnloadStep s:
                CheckName(s.Routine, s.Path + ".routine", "routine name");
                if (ctx.Where != Where.DriverEntry)
                    throw Error(s.Path + ".step", "setDriverUnload belongs in DriverEntry; allowed: only in driverEntry");
                break;
            case CallSavedDriverUnloadStep c when !ctx.InUnloadHook:
                throw Error(c.Path + ".step", "callSavedDriverUnload only makes sense in a routine installed by setDriverUnload; allowed: inside setDriverUnload.body");
        }
    }

    private void DeclareObject(string name, WdfObjectType type, string? parent, string path)
    {
        CheckName(name, path + ".name", "object name");
        if (_resources.ContainsKey(name))
            throw Error(path + ".name", $"'{name}' is already an allocated resource; allowed: a name not used by any resource");
        if (_objects.TryGetValue(name, out var existing))
        {
            if (existing.Type != type || existing.Parent != parent)
                throw Error(path + ".name", $"object '{name}' is declared twice with different types or parents (first at {existing.Path}); allowed: one declaration per name");
            return;
        }
        _objects[name] = (type, parent, path);
    }

    private void CheckReferences()
    {
        foreach (var (step, _) in _steps)
        {
            switch (step)
            {
                case FreeStep f when Declared(f.Name) is var freed:
                    if (_objects.ContainsKey(freed))
                        throw Error(f.Path + ".name", $"'{f.Name}' is a framework object; allowed: wdfObjectDelete for objects, free for {ListOf(_resources.Keys)}");
                    if (!_resources.ContainsKey(freed))
                        throw Error(f.Path + ".name", $"free of '{f.Name}', which is never allocated; allowed: {ListOf(_resources.Keys)}");
                    break;
                case UseStep u: RequireResourceOrObject(u.Name, u.Path); break;
                case EndUseStep u: RequireResourceOrObject(u.Name, u.Path); break;
                case ObjectDeleteStep d: RequireObject(d.Name, d.Path + ".name", null); break;
                case ObjectReferenceStep r: RequireObject(r.Name, r.Path + ".name", null); break;
                case ObjectDereferenceStep r: RequireObject(r.Name, r.Path + ".name", null); break;
                case CreateObjectStep { Parent: { } p } o: RequireObject(p, o.Path + ".parent", null); break;
                case WdfDriverCreateStep { Parent: { } p } d: RequireObject(p, d.Path + ".parent", null); break;
                case SelectConfigStep s: RequireObject(s.UsbDevice, s.Path + ".usbDevice", WdfObjectType.UsbDevice); break;
                case ConfigContinuousReaderStep r:
                    RequireObject(r.Pipe, r.Path + ".pipe", WdfObjectType.UsbPipe);
                    if (r.NumPendingReads is < 0 or > 255)
                        throw Error(r.Path + ".numPendingReads", $"NumPendingReads {r.NumPendingReads}; allowed: 0 (the default, 2) to 255 (a UCHAR; the framework clamps values above 10 to 10)");
                    break;
                case IoTargetStartStep t: RequireTarget(t.Target, t.Path + ".target"); break;
                case IoTargetStopStep t: RequireTarget(t.Target, t.Path + ".target"); break;
            }
        }
    }

    /// <summary>A reference may name one device's instance explicitly (<c>gLookaside#1</c>); it is checked by its declared name.</summary>
    private static string Declared(string name)
    {
        var hash = name.IndexOf('#');
        return hash > 0 && hash < name.Length - 1 && name[(hash + 1)..].All(char.IsAsciiDigit) ? name[..hash] : name;
    }

    private void RequireResourceOrObject(string reference, string path)
    {
        var name = Declared(reference);
        if (!_resources.ContainsKey(name) && !_objects.ContainsKey(name))
            throw Error(path + ".name", $"'{name}' is never allocated or created; allowed: {ListOf(_resources.Keys.Concat(_objects.Keys))}");
    }

    private void RequireObject(string reference, string path, WdfObjectType? type)
    {
        var name = Declared(reference);
        var candidates = _objects.Where(o => type is null || o.Value.Type == type).Select(o => o.Key).ToList();
        if (!_objects.TryGetValue(name, out var o) || (type is not null && o.Type != type))
            throw Error(path, $"'{name}' is not a{(type is null ? "" : " " + type.Value.HandleType())} framework object of this scenario; allowed: {ListOf(candidates)}");
    }

    private void RequireTarget(string reference, string path)
    {
        var name = Declared(reference);
        if (!_objects.TryGetValue(name, out var o) || o.Type is not (WdfObjectType.UsbPipe or WdfObjectType.IoTarget))
            throw Error(path, $"'{name}' is not an I/O target; allowed: {ListOf(_objects.Where(x => x.Value.Type is WdfObjectType.UsbPipe or WdfObjectType.IoTarget).Select(x => x.Key))}");
    }

    private void CheckParentCycles()
    {
        foreach (var (start, info) in _objects)
        {
            var chain = new List<string> { start };
            var current = info.Parent;
            while (current is not null && _objects.TryGetValue(current, out var next))
            {
                if (current == start || chain.Contains(current))
                {
                    chain.Add(current);
                    throw Error(info.Path + ".parent", $"parent cycle: {string.Join(" → ", chain)}; allowed: a parent chain that ends at the WDFDRIVER");
                }
                chain.Add(current);
                current = next.Parent;
            }
        }
    }

    private void CheckEvents(IReadOnlyList<ScenarioEvent> events)
    {
        if (events.Count > ScenarioLimits.MaxEvents)
            throw Error(events[ScenarioLimits.MaxEvents].Path, $"{ScenarioLimits.Format(events.Count)} events; allowed: at most {ScenarioLimits.Format(ScenarioLimits.MaxEvents)} events in a scenario (ScenarioLimits.MaxEvents)");
        var arrived = 0;
        var reads = 0L;
        foreach (var e in events)
        {
            if (e.Kind == ScenarioEventKind.DeviceArrives)
            {
                if (e.Count < 1) throw Error(e.Path + ".count", $"count {e.Count}; allowed: 1 or more");
                if ((long)arrived + e.Count > ScenarioLimits.MaxDevices)
                    throw Error(e.Path + ".count", $"count {e.Count} brings the devices that arrive to {ScenarioLimits.Format((long)arrived + e.Count)}; allowed: at most {ScenarioLimits.Format(ScenarioLimits.MaxDevices)} devices in a run (ScenarioLimits.MaxDevices)");
                arrived += e.Count;
                continue;
            }
            if (e.Kind == ScenarioEventKind.ReadsComplete && e.Count >= 1)
            {
                reads += e.Count;
                if (reads > ScenarioLimits.MaxReadCompletions)
                    throw Error(e.Path + ".count", $"count {e.Count} brings the read completions to {ScenarioLimits.Format(reads)}; allowed: at most {ScenarioLimits.Format(ScenarioLimits.MaxReadCompletions)} in a run (ScenarioLimits.MaxReadCompletions)");
            }
            if (e.Kind == ScenarioEventKind.ReadsFail && e.Status is { IsSuccess: true } ok)
                throw Error(e.Path + ".status", $"status {ok} is a success; allowed: an error status such as STATUS_UNSUCCESSFUL, STATUS_DEVICE_NOT_CONNECTED or STATUS_CANCELLED");
            if (e.Kind == ScenarioEventKind.ReadsComplete && e.Count < 1)
                throw Error(e.Path + ".count", $"count {e.Count}; allowed: 1 or more");
            if (e.Kind is ScenarioEventKind.Unload) continue;
            if (e.Device < 1 || e.Device > arrived)
                throw Error(e.Path + ".device", arrived == 0
                    ? $"device {e.Device} has not arrived; allowed: a deviceArrives event first"
                    : $"device {e.Device} has not arrived; allowed: 1..{arrived}");
        }
    }

    private void CheckName(string name, string path, string what)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            throw Error(path, $"{what} '{name}' is not valid; allowed: a non-empty name of letters, digits, '_' and '-'");
    }

    private static string ListOf(IEnumerable<string> names)
    {
        var list = names.Distinct().ToList();
        return list.Count == 0 ? "(none declared)" : string.Join(", ", list);
    }
}
