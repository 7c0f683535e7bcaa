/* Test driver written for DriverNotebooks: the recommended shape. Tracing starts first and is stopped on
   WdfDriverCreate's failure path; globals come after WdfDriverCreate and the WDFDRIVER's cleanup callback frees them. */
#include <ntddk.h>
#include <wdf.h>

static PVOID gBuffer;
static NPAGED_LOOKASIDE_LIST gLookaside;
static BOOLEAN gLookasideReady;

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
        WPP_CLEANUP(DriverObject);
        return status;
    }

    gBuffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'fubG');
    if (gBuffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    ExInitializeNPagedLookasideList(&gLookaside, NULL, NULL, 0, 32, 'tsiL', 0);
    gLookasideReady = TRUE;
    return STATUS_SUCCESS;
}

VOID DriverCleanup(WDFOBJECT Driver)
{
    if (gLookasideReady) {
        ExDeleteNPagedLookasideList(&gLookaside);
        gLookasideReady = FALSE;
    }
    if (gBuffer != NULL) {
        ExFreePool(gBuffer);
        gBuffer = NULL;
    }
    WPP_CLEANUP(WdfDriverWdmGetDriverObject((WDFDRIVER)Driver));
}

NTSTATUS DeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDFDEVICE device;
    return WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &device);
}
