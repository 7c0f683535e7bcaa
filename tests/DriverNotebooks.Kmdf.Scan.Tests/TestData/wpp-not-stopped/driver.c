/* Test driver written for DriverNotebooks: tracing starts before WdfDriverCreate and its failure path returns
   without WPP_CLEANUP (the cleanup callback that would stop it never runs when WdfDriverCreate fails). */
#include <ntddk.h>
#include <wdf.h>

EVT_WDF_OBJECT_CONTEXT_CLEANUP DriverCleanup;
EVT_WDF_DRIVER_DEVICE_ADD DeviceAdd;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    WDF_DRIVER_CONFIG config;
    WDF_OBJECT_ATTRIBUTES attributes;

    WPP_INIT_TRACING(DriverObject, RegistryPath);

    WDF_DRIVER_CONFIG_INIT(&config, DeviceAdd);
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.EvtCleanupCallback = DriverCleanup;

    status = WdfDriverCreate(DriverObject, RegistryPath, &attributes, &config, WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        goto Exit;
    }

Exit:
    return status;
}

VOID DriverCleanup(WDFOBJECT Driver)
{
    WPP_CLEANUP(WdfDriverWdmGetDriverObject((WDFDRIVER)Driver));
}
