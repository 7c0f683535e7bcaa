namespace DriverNotebooks.Kmdf;

/// <summary>A step made to fail: its stable id (e.g. <c>EvtDevicePrepareHardware#1</c>) and the status it returns.</summary>
public sealed record InjectedFailure(string StepId, NtStatus Status)
{
    public override string ToString() => $"{StepId}={Status}";
}
