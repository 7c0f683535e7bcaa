/* Test driver written for DriverNotebooks: an NDIS miniport using KMDF in miniport mode
   (WdfDriverInitNoDispatchOverride). NDIS owns DriverUnload and calls MiniportDriverUnload. */
#include <ndis.h>
#include <wdf.h>

static NDIS_HANDLE gMiniportHandle;

VOID MiniportDriverUnload(PDRIVER_OBJECT DriverObject)
{
    NdisMDeregisterMiniportDriver(gMiniportHandle);
    /* forgets WdfDriverMiniportUnload */
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    WDF_DRIVER_CONFIG config;
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;

    WDF_DRIVER_CONFIG_INIT(&config, WDF_NO_EVENT_CALLBACK);
    config.DriverInitFlags |= WdfDriverInitNoDispatchOverride;

    status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    chars.UnloadHandler = MiniportDriverUnload;
    status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &chars, &gMiniportHandle);
    if (status != NDIS_STATUS_SUCCESS) {
        WdfDriverMiniportUnload(WdfGetDriver());
    }
    return status;
}
