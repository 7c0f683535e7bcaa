/* Test driver written for DriverNotebooks: cleanup only in EvtDriverUnload, and DriverEntry ends by returning
   the registry read's status directly: that call is a failure point like an assigned and checked one. */
#include <ntddk.h>
#include <wdf.h>

#define ENTRY_SIZE  256
#define BUFFER_SIZE 4096

EVT_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd;
EVT_WDF_DRIVER_UNLOAD EvtDriverUnload;
NTSTATUS ReadRegistry(_In_ PUNICODE_STRING RegistryPath);

static PVOID                 gBuffer;
static NPAGED_LOOKASIDE_LIST gLookaside;

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;
    NTSTATUS status;

    WDF_DRIVER_CONFIG_INIT(&config, EvtDriverDeviceAdd);
    config.EvtDriverUnload = EvtDriverUnload;

    status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ExInitializeNPagedLookasideList(&gLookaside, NULL, NULL, POOL_NX_ALLOCATION,
                                    ENTRY_SIZE, 'kLg', 0);
    gBuffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, BUFFER_SIZE, 'fuBg');
    if (gBuffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return ReadRegistry(RegistryPath);
}

// Runs only when a DriverEntry that succeeded is followed by an unload.
VOID EvtDriverUnload(_In_ WDFDRIVER Driver)
{
    UNREFERENCED_PARAMETER(Driver);
    ExDeleteNPagedLookasideList(&gLookaside);
    ExFreePool(gBuffer);
}
