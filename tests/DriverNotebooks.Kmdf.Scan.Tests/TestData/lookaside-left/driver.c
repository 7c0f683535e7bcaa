/* Test driver written for DriverNotebooks: a WDM lookaside list initialized after WdfDriverCreate and never
   deleted: it stays on the system-wide list of lookaside lists after the image unloads. */
#include <ntddk.h>
#include <wdf.h>

static NPAGED_LOOKASIDE_LIST gRequests;
EVT_WDF_DRIVER_DEVICE_ADD DeviceAdd;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, DeviceAdd);
    status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ExInitializeNPagedLookasideList(&gRequests, NULL, NULL, 0, 128, 'qeRG', 0);
    return STATUS_SUCCESS;
}
