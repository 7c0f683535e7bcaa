namespace DriverNotebooks.Kmdf;

/// <summary>Kinds of driver bug the simulated framework or verifier reports.</summary>
public enum DiagnosticCode
{
    /// <summary>WdfObjectDelete on an object the driver may not delete (WDFDRIVER, a PnP WDFDEVICE, a default queue…): ignored.</summary>
    DeleteOfNoDeleteObject,

    /// <summary>WdfObjectDelete on an object already being deleted (ASSERT in FxObject::DeleteObject).</summary>
    DeletedTwice,

    /// <summary>A handle used after its object was destroyed, or an object used before it exists.</summary>
    InvalidHandle,

    /// <summary>WdfObjectDereference without a matching WdfObjectReference.</summary>
    UnbalancedDereference,

    /// <summary>DriverEntry returned success although no WDFDRIVER exists (WdfDriverCreate failed or was never called).</summary>
    SuccessWithoutDriver,

    /// <summary>WdfDriverMiniportUnload in a driver not created with WdfDriverInitNoDispatchOverride, or called twice.</summary>
    MisusedMiniportUnload,

    /// <summary>A framework DDI called before WdfDriverCreate or after the framework unbound.</summary>
    NoDriverObject,

    /// <summary>A continuous reader still started after EvtDeviceD0Exit: reads keep being sent while the device is in Dx.</summary>
    ReaderRunningInDx,

    /// <summary>EvtDriverDeviceAdd returned success without calling WdfDeviceCreate.</summary>
    DeviceAddWithoutDevice,

    /// <summary>WdfIoTargetStop called from EvtUsbTargetPipeReadersFailed: a deadlock (the framework breaks under its verifier).</summary>
    TargetStoppedInReadersFailed,
}

/// <summary>A driver bug reported during the run, as the framework's verifier would.</summary>
public sealed record VerifierDiagnostic(DiagnosticCode Code, string Where, string Message)
{
    public override string ToString() => $"{Code} in {Where}: {Message}";
}
