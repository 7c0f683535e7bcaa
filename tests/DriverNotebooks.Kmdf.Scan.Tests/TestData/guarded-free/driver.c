/* Test driver written for DriverNotebooks: the WDFDRIVER's cleanup callback frees a global that DriverEntry
   allocates only after a registry read; when that read fails the callback runs with nothing allocated. */
#include <ntddk.h>
#include <wdf.h>

static PVOID gBuffer;

EVT_WDF_OBJECT_CONTEXT_CLEANUP DriverCleanup;
EVT_WDF_DRIVER_DEVICE_ADD DeviceAdd;
NTSTATUS ReadRegistryParameters(PUNICODE_STRING RegistryPath);

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    WDF_DRIVER_CONFIG config;
    WDF_OBJECT_ATTRIBUTES attributes;

    WDF_DRIVER_CONFIG_INIT(&config, DeviceAdd);
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.EvtCleanupCallback = DriverCleanup;

    status = WdfDriverCreate(DriverObject, RegistryPath, &attributes, &config, WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = ReadRegistryParameters(RegistryPath);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    gBuffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'fubG');
    if (gBuffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return STATUS_SUCCESS;
}

VOID DriverCleanup(WDFOBJECT Driver)
{
    if (gBuffer != NULL) {
        ExFreePool(gBuffer);
        gBuffer = NULL;
    }
}
