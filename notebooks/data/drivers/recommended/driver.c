/* DriverNotebooks, notebook 1: the recommended driver of "The recommended driver, in C and in C#", with the
   declarations it needs to stand alone. Our own sketch, not a Microsoft sample. */
#include <ntddk.h>
#include <wdf.h>

#define ENTRY_SIZE  256
#define BUFFER_SIZE 4096

EVT_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd;
NTSTATUS ReadRegistry(_In_ PUNICODE_STRING RegistryPath);

static PVOID                 gBuffer;                 // NULL until allocated
static NPAGED_LOOKASIDE_LIST gLookaside;
static BOOLEAN               gLookasideReady;         // the initializer returns VOID: set a flag

// Runs whenever the WDFDRIVER is deleted, also after a DriverEntry that failed part-way.
static VOID EvtDriverCleanup(_In_ WDFOBJECT Driver)
{
    UNREFERENCED_PARAMETER(Driver);
    if (gLookasideReady) { ExDeleteNPagedLookasideList(&gLookaside); gLookasideReady = FALSE; }
    if (gBuffer != NULL) { ExFreePool(gBuffer); gBuffer = NULL; }
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;
    WDF_OBJECT_ATTRIBUTES attributes;
    NTSTATUS status;

    WDF_DRIVER_CONFIG_INIT(&config, EvtDriverDeviceAdd);
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.EvtCleanupCallback = EvtDriverCleanup;

    status = WdfDriverCreate(DriverObject, RegistryPath, &attributes, &config, WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        return status;                    // nothing global exists yet, and no callback will run
    }
    ExInitializeNPagedLookasideList(&gLookaside, NULL, NULL, POOL_NX_ALLOCATION,
                                    ENTRY_SIZE, 'kLg', 0);
    gLookasideReady = TRUE;
    gBuffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, BUFFER_SIZE, 'fuBg');
    if (gBuffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;   // EvtDriverCleanup runs during the unbind
    }
    return ReadRegistry(RegistryPath);  // a failure here is cleaned up the same way
}
