/* Test driver written for DriverNotebooks: WdfDriverCreate's failure is logged and the status overwritten,
   so DriverEntry returns success without a WDFDRIVER. */
#include <ntddk.h>
#include <wdf.h>

EVT_WDF_DRIVER_DEVICE_ADD DeviceAdd;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, DeviceAdd);

    status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        DbgPrint("WdfDriverCreate failed\n");
        status = STATUS_SUCCESS;
    }
    return status;
}
