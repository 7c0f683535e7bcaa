namespace DriverNotebooks.Kmdf;

/// <summary>Where driver code is running: the routine (the prefix of step ids), the device whose code it is, the IRQL, and the unload hook it belongs to.</summary>
internal readonly record struct ExecutionContext(string Routine, int Device, Irql Irql, DriverUnloadRoutine? Hook = null)
{
    public static ExecutionContext Driver(string routine) => new(routine, 0, Irql.PassiveLevel);

    /// <summary>A device-owned name: <c>ctx</c> in device 1's code is <c>ctx#1</c>. A name that already names an instance (<c>ctx#2</c>) is kept.</summary>
    public string Own(string name) => Device > 0 && !name.Contains('#') ? $"{name}#{Device}" : name;
}
