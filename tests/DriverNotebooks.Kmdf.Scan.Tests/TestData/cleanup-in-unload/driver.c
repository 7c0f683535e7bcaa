/* Test driver written for DriverNotebooks: the thread's mistake. Globals are freed only in EvtDriverUnload,
   which never runs when DriverEntry fails after WdfDriverCreate (here: reading a registry value). */
#include <ntddk.h>
#include <wdf.h>

static PVOID gBuffer;
static NPAGED_LOOKASIDE_LIST gLookaside;

EVT_WDF_DRIVER_UNLOAD DriverUnload;
EVT_WDF_DRIVER_DEVICE_ADD DeviceAdd;
NTSTATUS ReadRegistryParameters(PUNICODE_STRING RegistryPath);

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, DeviceAdd);
    config.EvtDriverUnload = DriverUnload;

    status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    gBuffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'fubG');
    if (gBuffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ExInitializeNPagedLookasideList(&gLookaside, NULL, NULL, 0, 32, 'tsiL', 0);

    status = ReadRegistryParameters(RegistryPath);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return STATUS_SUCCESS;
}

VOID DriverUnload(WDFDRIVER Driver)
{
    ExDeleteNPagedLookasideList(&gLookaside);
    ExFreePool(gBuffer);
}
