using System.Text.Json;

namespace DriverNotebooks.Kmdf;

/// <summary>Turns a parsed JSON document into a <see cref="Scenario"/>, throwing <see cref="ScenarioFormatException"/> (with a JSON path) on the first mistake.</summary>
internal sealed class ScenarioJsonReader
{
    private static readonly string[] NameFields = ["step", "name"];
    private static readonly string[] FallibleNameFields = ["step", "name", "onFailure"];
    private static readonly string[] ObjectFields = ["step", "name", "parent", JsonNames.EvtCleanupCallback, JsonNames.EvtDestroyCallback, "onFailure"];

    /// <summary>Every JSON step name, in the order shown in error messages.</summary>
    public static IReadOnlyList<string> StepNames { get; } =
    [
        "allocate", "free", "use", "endUse", "call",
        "wdfDriverCreate", "wdfDeviceCreate",
        .. JsonNames.ObjectSteps.Select(s => s.Step),
        "wdfUsbTargetDeviceSelectConfig", "wdfUsbTargetPipeConfigContinuousReader", "wdfIoTargetStart", "wdfIoTargetStop",
        "wdfObjectDelete", "wdfObjectReference", "wdfObjectDereference",
        "ksInitializeDriver", "pcInitializeAdapterDriver", "ndisMRegisterMiniportDriver",
        "setDriverUnload", "callSavedDriverUnload", "wdfDriverMiniportUnload",
    ];

    public static Scenario Read(JsonElement root)
    {
        var top = new Fields(root, "$", "scenario", "name", "title", "description", "driverEntry", "events", "failures");
        var name = top.RequiredString("name");
        var driverEntry = ReadBody(top.Required("driverEntry"), "$.driverEntry");
        var events = top.Optional("events") is { } ev ? ReadEvents(ev, "$.events") : [];
        var failures = top.Optional("failures") is { } f ? ReadFailures(f, "$.failures") : [];
        return Scenario.Create(name, top.OptionalString("title"), top.OptionalString("description"), driverEntry, events, failures);
    }

    private static Body ReadBody(JsonElement array, string path)
    {
        if (array.ValueKind != JsonValueKind.Array)
            throw new ScenarioFormatException(path, $"expected an array of steps, got {Describe(array)}; allowed: [ {{\"step\": \"allocate\", …}}, … ]");
        var steps = new List<Step>();
        var i = 0;
        foreach (var element in array.EnumerateArray()) steps.Add(ReadStep(element, $"{path}[{i++}]"));
        return new Body(path, steps);
    }

    private static Body? OptionalBody(Fields f, string field) =>
        f.Optional(field) is { } e ? ReadBody(e, $"{f.Path}.{field}") : null;

    private static Step ReadStep(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new ScenarioFormatException(path, $"expected a step object, got {Describe(element)}; allowed: {{\"step\": \"<name>\", …}}");
        if (!element.TryGetProperty("step", out var kindElement))
            throw new ScenarioFormatException(path, $"missing field 'step'; allowed: {string.Join(", ", StepNames)}");
        if (kindElement.ValueKind != JsonValueKind.String)
            throw new ScenarioFormatException(path + ".step", $"'step' must be a string, got {Describe(kindElement)}; allowed: {string.Join(", ", StepNames)}");
        var raw = kindElement.GetString()!;
        var kind = StepNames.FirstOrDefault(s => string.Equals(s, raw, StringComparison.OrdinalIgnoreCase))
            ?? throw new ScenarioFormatException(path + ".step", $"unknown step '{Echo(raw)}'; allowed: {string.Join(", ", StepNames)}");

        if (JsonNames.ObjectSteps.FirstOrDefault(s => s.Step == kind) is { Step: not null } objectStep)
            return ReadObjectStep(element, path, kind, objectStep.Type);

        switch (kind)
        {
            case "allocate":
            {
                var f = new Fields(element, path, kind, "step", "name", "kind", "onFailure");
                return new AllocateStep { Path = path, Name = f.RequiredString("name"), Kind = f.OptionalEnum("kind", ResourceKind.Pool, ResourceKinds), OnFailure = OnFailure(f) };
            }
            case "free":
            {
                var f = new Fields(element, path, kind, "step", "name", "guarded");
                return new FreeStep { Path = path, Name = f.RequiredString("name"), Guarded = f.OptionalBool("guarded") };
            }
            case "use": return new UseStep { Path = path, Name = new Fields(element, path, kind, NameFields).RequiredString("name") };
            case "endUse": return new EndUseStep { Path = path, Name = new Fields(element, path, kind, NameFields).RequiredString("name") };
            case "call":
            {
                var f = new Fields(element, path, kind, FallibleNameFields);
                return new CallStep { Path = path, Name = f.RequiredString("name"), OnFailure = OnFailure(f) };
            }
            case "wdfDriverCreate":
            {
                var f = new Fields(element, path, kind, "step", "name", "mode", "parent", JsonNames.EvtDriverDeviceAdd, JsonNames.EvtDriverUnload,
                    JsonNames.EvtCleanupCallback, JsonNames.EvtDestroyCallback, "onFailure");
                return new WdfDriverCreateStep
                {
                    Path = path,
                    ObjectName = f.OptionalString("name") ?? "WDFDRIVER",
                    Mode = f.OptionalEnum("mode", DriverMode.Pnp, Modes),
                    Parent = f.OptionalString("parent"),
                    EvtDriverDeviceAdd = OptionalBody(f, JsonNames.EvtDriverDeviceAdd),
                    EvtDriverUnload = OptionalBody(f, JsonNames.EvtDriverUnload),
                    EvtCleanupCallback = OptionalBody(f, JsonNames.EvtCleanupCallback),
                    EvtDestroyCallback = OptionalBody(f, JsonNames.EvtDestroyCallback),
                    OnFailure = OnFailure(f),
                };
            }
            case "wdfDeviceCreate":
            {
                var callbacks = Enum.GetValues<DeviceCallback>();
                var f = new Fields(element, path, kind,
                    ["step", "name", .. callbacks.Select(JsonNames.Of), JsonNames.EvtCleanupCallback, JsonNames.EvtDestroyCallback, "onFailure"]);
                var registered = new Dictionary<DeviceCallback, Body>();
                foreach (var c in callbacks)
                {
                    if (OptionalBody(f, JsonNames.Of(c)) is { } b) registered[c] = b;
                }
                return new WdfDeviceCreateStep
                {
                    Path = path,
                    ObjectName = f.OptionalString("name") ?? "WDFDEVICE",
                    Callbacks = registered,
                    EvtCleanupCallback = OptionalBody(f, JsonNames.EvtCleanupCallback),
                    EvtDestroyCallback = OptionalBody(f, JsonNames.EvtDestroyCallback),
                    OnFailure = OnFailure(f),
                };
            }
            case "wdfUsbTargetDeviceSelectConfig":
            {
                var f = new Fields(element, path, kind, "step", "usbDevice", "pipe", "onFailure");
                return new SelectConfigStep { Path = path, UsbDevice = f.RequiredString("usbDevice"), Pipe = f.RequiredString("pipe"), OnFailure = OnFailure(f) };
            }
            case "wdfUsbTargetPipeConfigContinuousReader":
            {
                var f = new Fields(element, path, kind, "step", "pipe", JsonNames.EvtUsbTargetPipeReadComplete, "numPendingReads",
                    JsonNames.EvtUsbTargetPipeReadersFailed, "restartReaders", "onFailure");
                return new ConfigContinuousReaderStep
                {
                    Path = path,
                    Pipe = f.RequiredString("pipe"),
                    EvtUsbTargetPipeReadComplete = OptionalBody(f, JsonNames.EvtUsbTargetPipeReadComplete) ?? Body.Empty($"{path}.{JsonNames.EvtUsbTargetPipeReadComplete}"),
                    NumPendingReads = f.OptionalInt("numPendingReads") ?? 0,
                    EvtUsbTargetPipeReadersFailed = OptionalBody(f, JsonNames.EvtUsbTargetPipeReadersFailed),
                    RestartReaders = f.Optional("restartReaders") is null || f.OptionalBool("restartReaders"),
                    OnFailure = OnFailure(f),
                };
            }
            case "wdfIoTargetStart":
            {
                var f = new Fields(element, path, kind, "step", "target", "onFailure");
                return new IoTargetStartStep { Path = path, Target = f.RequiredString("target"), OnFailure = OnFailure(f) };
            }
            case "wdfIoTargetStop": return new IoTargetStopStep { Path = path, Target = new Fields(element, path, kind, "step", "target").RequiredString("target") };
            case "wdfObjectDelete": return new ObjectDeleteStep { Path = path, Name = new Fields(element, path, kind, NameFields).RequiredString("name") };
            case "wdfObjectReference": return new ObjectReferenceStep { Path = path, Name = new Fields(element, path, kind, NameFields).RequiredString("name") };
            case "wdfObjectDereference": return new ObjectDereferenceStep { Path = path, Name = new Fields(element, path, kind, NameFields).RequiredString("name") };
            case "ksInitializeDriver": return new ClassInitStep { Path = path, Class = ClassDriver.Ks, OnFailure = OnFailure(new Fields(element, path, kind, "step", "onFailure")) };
            case "pcInitializeAdapterDriver": return new ClassInitStep { Path = path, Class = ClassDriver.PortCls, OnFailure = OnFailure(new Fields(element, path, kind, "step", "onFailure")) };
            case "ndisMRegisterMiniportDriver":
            {
                var f = new Fields(element, path, kind, "step", JsonNames.MiniportDriverUnload, "onFailure");
                return new ClassInitStep { Path = path, Class = ClassDriver.Ndis, MiniportDriverUnload = OptionalBody(f, JsonNames.MiniportDriverUnload), OnFailure = OnFailure(f) };
            }
            case "setDriverUnload":
            {
                var f = new Fields(element, path, kind, "step", "routine", JsonNames.Body);
                return new SetDriverUnloadStep { Path = path, Routine = f.RequiredString("routine"), Body = ReadBody(f.Required(JsonNames.Body), $"{path}.{JsonNames.Body}") };
            }
            case "callSavedDriverUnload":
                _ = new Fields(element, path, kind, "step");
                return new CallSavedDriverUnloadStep { Path = path };
            default:
                _ = new Fields(element, path, kind, "step");
                return new WdfDriverMiniportUnloadStep { Path = path };
        }
    }

    private static CreateObjectStep ReadObjectStep(JsonElement element, string path, string kind, WdfObjectType type)
    {
        var f = type == WdfObjectType.Queue
            ? new Fields(element, path, kind, [.. ObjectFields, "defaultQueue"])
            : new Fields(element, path, kind, ObjectFields);
        return new CreateObjectStep
        {
            Path = path,
            Type = type,
            Name = f.RequiredString("name"),
            Parent = f.OptionalString("parent"),
            EvtCleanupCallback = OptionalBody(f, JsonNames.EvtCleanupCallback),
            EvtDestroyCallback = OptionalBody(f, JsonNames.EvtDestroyCallback),
            IsDefaultQueue = f.OptionalBool("defaultQueue"),
            OnFailure = OnFailure(f),
        };
    }

    private static Body? OnFailure(Fields f) => OptionalBody(f, JsonNames.OnFailure);

    private static readonly IReadOnlyList<(string Name, ResourceKind Value)> ResourceKinds =
        Enum.GetValues<ResourceKind>().Where(k => k.IsDriverAllocated()).Select(k => (JsonNames.Of(k), k)).ToArray();

    private static readonly IReadOnlyList<(string Name, DriverMode Value)> Modes =
        Enum.GetValues<DriverMode>().Select(m => (JsonNames.Of(m), m)).ToArray();

    private static readonly IReadOnlyList<(string Name, ScenarioEventKind Value)> EventKinds =
        Enum.GetValues<ScenarioEventKind>().Select(k => (JsonNames.Of(k), k)).ToArray();

    private static ScenarioEvent[] ReadEvents(JsonElement array, string path)
    {
        if (array.ValueKind != JsonValueKind.Array)
            throw new ScenarioFormatException(path, $"expected an array of events, got {Describe(array)}; allowed: [ {{\"event\": \"deviceArrives\"}}, … ]");
        var events = new List<ScenarioEvent>();
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            var p = $"{path}[{i++}]";
            if (element.ValueKind != JsonValueKind.Object)
                throw new ScenarioFormatException(p, $"expected an event object, got {Describe(element)}; allowed: {{\"event\": \"{string.Join("|", EventKinds.Select(k => k.Name))}\", …}}");
            if (!element.TryGetProperty("event", out _))
                throw new ScenarioFormatException(p, $"missing field 'event'; allowed: {string.Join(", ", EventKinds.Select(k => k.Name))}");
            var kind = new Fields(element, p, "event", "event", "device", "count", "status", "disconnected").RequiredEnum("event", EventKinds);
            var f = kind switch
            {
                ScenarioEventKind.DeviceArrives => new Fields(element, p, "deviceArrives event", "event", "count"),
                ScenarioEventKind.ReadsComplete => new Fields(element, p, "readsComplete event", "event", "device", "count"),
                ScenarioEventKind.ReadsFail => new Fields(element, p, "readsFail event", "event", "device", "status", "disconnected"),
                ScenarioEventKind.Unload => new Fields(element, p, "unload event", "event"),
                _ => new Fields(element, p, $"{JsonNames.Of(kind)} event", "event", "device"),
            };
            var device = kind is ScenarioEventKind.DeviceArrives or ScenarioEventKind.Unload ? 0 : f.RequiredInt("device");
            NtStatus? status = null;
            if (f.OptionalString("status") is { } statusText)
            {
                if (!NtStatus.TryParse(statusText, out var parsed))
                    throw new ScenarioFormatException(p + ".status", $"unknown status '{statusText}'; allowed: a hex code such as 0xC0000001 or {string.Join(", ", NtStatus.Known.Select(k => k.Name))}");
                status = parsed;
            }
            events.Add(new ScenarioEvent(kind, device, f.OptionalInt("count") ?? 1, p, status, f.OptionalBool("disconnected")));
        }
        return events.ToArray();
    }

    private static InjectedFailure[] ReadFailures(JsonElement array, string path)
    {
        if (array.ValueKind != JsonValueKind.Array)
            throw new ScenarioFormatException(path, $"expected an array, got {Describe(array)}; allowed: [\"WdfDriverCreate\", {{\"step\": \"DriverEntry.Call(X)\", \"status\": \"STATUS_UNSUCCESSFUL\"}}]");
        var failures = new List<InjectedFailure>();
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            var p = $"{path}[{i++}]";
            if (element.ValueKind == JsonValueKind.String)
            {
                var id = element.GetString()!;
                if (id.Length > ScenarioLimits.MaxNameLength)
                    throw new ScenarioFormatException(p, $"a step id of {ScenarioLimits.Format(id.Length)} characters; allowed: at most {ScenarioLimits.Format(ScenarioLimits.MaxNameLength)} characters (ScenarioLimits.MaxNameLength)");
                failures.Add(new InjectedFailure(id, NtStatus.InsufficientResources));
                continue;
            }
            var f = new Fields(element, p, "failure", "step", "status");
            var statusText = f.OptionalString("status");
            var status = NtStatus.InsufficientResources;
            if (statusText is not null && !NtStatus.TryParse(statusText, out status))
                throw new ScenarioFormatException(p + ".status", $"unknown status '{statusText}'; allowed: a hex code such as 0xC0000001 or {string.Join(", ", NtStatus.Known.Select(k => k.Name))}");
            failures.Add(new InjectedFailure(f.RequiredString("step"), status));
        }
        return failures.ToArray();
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Echo(e.GetString()!)}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        _ => "null",
    };

    /// <summary>The fields of one JSON object, checked against the names allowed for it.</summary>
    private sealed class Fields
    {
        private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
        private readonly string[] _allowed;

        public Fields(JsonElement obj, string path, string what, params string[] allowed)
        {
            Path = path;
            _allowed = allowed;
            if (obj.ValueKind != JsonValueKind.Object)
                throw new ScenarioFormatException(path, $"expected an object for {what}, got {Describe(obj)}; allowed: {{ {string.Join(", ", allowed)} }}");
            foreach (var property in obj.EnumerateObject())
            {
                if (!allowed.Contains(property.Name))
                    throw new ScenarioFormatException($"{path}.{property.Name}", $"unknown field '{property.Name}' in {what}; allowed: {string.Join(", ", allowed)}");
                if (!_values.TryAdd(property.Name, property.Value))
                    throw new ScenarioFormatException($"{path}.{property.Name}", $"field '{property.Name}' appears twice; allowed: each field once");
            }
        }

        public string Path { get; }

        public JsonElement? Optional(string name) =>
            _values.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

        public JsonElement Required(string name) =>
            Optional(name) ?? throw new ScenarioFormatException(Path, $"missing field '{name}'; allowed: {string.Join(", ", _allowed)}");

        public string? OptionalString(string name)
        {
            if (Optional(name) is not { } v) return null;
            if (v.ValueKind != JsonValueKind.String)
                throw new ScenarioFormatException($"{Path}.{name}", $"'{name}' must be a string, got {Describe(v)}");
            var text = v.GetString()!;
            var (limit, limitName) = name is "title" or "description"
                ? (ScenarioLimits.MaxTextLength, nameof(ScenarioLimits.MaxTextLength))
                : (ScenarioLimits.MaxNameLength, nameof(ScenarioLimits.MaxNameLength));
            if (text.Length > limit)
                throw new ScenarioFormatException($"{Path}.{name}",
                    $"'{name}' is {ScenarioLimits.Format(text.Length)} characters long; allowed: at most {ScenarioLimits.Format(limit)} characters (ScenarioLimits.{limitName})");
            return text;
        }

        public string RequiredString(string name)
        {
            _ = Required(name);
            return OptionalString(name)!;
        }

        public int? OptionalInt(string name)
        {
            if (Optional(name) is not { } v) return null;
            if (v.ValueKind == JsonValueKind.Number)
            {
                if (v.TryGetInt32(out var i)) return i;
                // 2e9 is a whole number too, written with an exponent; one past int's range is out of range, not "not whole".
                if (v.TryGetDouble(out var d) && double.IsFinite(d) && Math.Floor(d) == d)
                {
                    return d is >= int.MinValue and <= int.MaxValue
                        ? (int)d
                        : throw new ScenarioFormatException($"{Path}.{name}", $"'{name}' is {Describe(v)}, out of range; allowed: a whole number from {int.MinValue} to {int.MaxValue}");
                }
            }
            throw new ScenarioFormatException($"{Path}.{name}", $"'{name}' must be a whole number, got {Describe(v)}");
        }

        public int RequiredInt(string name)
        {
            _ = Required(name);
            return OptionalInt(name)!.Value;
        }

        public bool OptionalBool(string name)
        {
            if (Optional(name) is not { } v) return false;
            return v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new ScenarioFormatException($"{Path}.{name}", $"'{name}' must be true or false, got {Describe(v)}"),
            };
        }

        public T OptionalEnum<T>(string name, T fallback, IReadOnlyList<(string Name, T Value)> values) =>
            OptionalString(name) is { } text ? Match(name, text, values) : fallback;

        public T RequiredEnum<T>(string name, IReadOnlyList<(string Name, T Value)> values) => Match(name, RequiredString(name), values);

        private T Match<T>(string name, string text, IReadOnlyList<(string Name, T Value)> values)
        {
            foreach (var (n, v) in values)
            {
                if (string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) return v;
            }
            throw new ScenarioFormatException($"{Path}.{name}", $"unknown {name} '{text}'; allowed: {string.Join(", ", values.Select(x => x.Name))}");
        }
    }

    /// <summary>A value from the file as echoed in a message: its start when long, with its length.</summary>
    private static string Echo(string value) =>
        value.Length <= 80 ? value : $"{value[..80]}\u2026 ({ScenarioLimits.Format(value.Length)} characters)";
}
