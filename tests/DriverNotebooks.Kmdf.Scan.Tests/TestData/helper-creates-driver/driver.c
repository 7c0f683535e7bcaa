/* Test driver written for DriverNotebooks: DriverEntry calls a helper that calls WdfDriverCreate; a pool
   buffer allocated in DriverEntry before the helper is not freed when the helper fails. */
#include <ntddk.h>
#include <wdf.h>

static PVOID gScratch;
EVT_WDF_DRIVER_DEVICE_ADD DeviceAdd;

static NTSTATUS InitializeFramework(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;
    WDF_DRIVER_CONFIG_INIT(&config, DeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;

    gScratch = ExAllocatePool2(POOL_FLAG_NON_PAGED, 256, 'rcSG');
    if (gScratch == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    status = InitializeFramework(DriverObject, RegistryPath);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return STATUS_SUCCESS;
}
