/* DriverNotebooks' own stand-in for the WDK headers: just enough declarations for the KMDF scan to parse a
   driver's DriverEntry and cleanup routines without the WDK. Written for this project; not the WDK's text. */
#ifndef DRIVERNOTEBOOKS_WDK_STUB_H
#define DRIVERNOTEBOOKS_WDK_STUB_H

/* In C a routine is declared with its parameters; in C++ it takes any arguments, so that a type the stub
   does not know (a context struct, a class) never turns a call into an error that drops it. */
#ifdef __cplusplus
#define DN_ROUTINE(ret, name, params) extern "C" ret name(...);
#else
#define DN_ROUTINE(ret, name, params) ret name params;
#endif

/* SAL annotations and calling conventions read as nothing. */
#define _In_
#define _In_opt_
#define _Out_
#define _Out_opt_
#define _Inout_
#define _Inout_opt_
#define _In_reads_(x)
#define _In_reads_bytes_(x)
#define _Out_writes_(x)
#define _Out_writes_bytes_(x)
#define _Outptr_
#define _Outptr_result_maybenull_
#define _Must_inspect_result_
#define _Use_decl_annotations_
#define _IRQL_requires_(x)
#define _IRQL_requires_max_(x)
#define _IRQL_requires_same_
#define _Function_class_(x)
#define _When_(a, b)
#define _Success_(x)
#define _Analysis_assume_(x)
#define _Requires_lock_held_(x)
#define _Releases_lock_(x)
#define _Acquires_lock_(x)
#define _Kernel_requires_resource_held_(x)
#define _Dispatch_type_(x)
#define _Check_return_
#define _Ret_maybenull_
#define _Post_writable_byte_size_(x)
#define _Pre_satisfies_(x)
#define _Null_terminated_
#define _Field_size_(x)
#define _Field_size_bytes_(x)
#define _Inout_updates_(x)
#define _Inout_updates_bytes_(x)
#define __drv_dispatchType(x)
#define __drv_aliasesMem
#define __drv_allocatesMem(x)
#define __drv_freesMem(x)
#define __drv_requiresIRQL(x)
#define __drv_maxIRQL(x)
#define IN
#define OUT
#define OPTIONAL
#define NTAPI
#define NTSYSAPI
#define NTKERNELAPI
#ifdef __cplusplus
#define EXTERN_C extern "C"
#define EXTERN_C_START extern "C" {
#define EXTERN_C_END }
#define WDF_EXTERN_C_START extern "C" {
#define WDF_EXTERN_C_END }
#define WDF_EXTERN_C extern "C"
#else
#define EXTERN_C
#define EXTERN_C_START
#define EXTERN_C_END
#define WDF_EXTERN_C_START
#define WDF_EXTERN_C_END
#define WDF_EXTERN_C
#endif
#define ASSERT(x) ((void)0)
#define NT_ASSERT(x) ((void)0)
#define NT_VERIFY(x) (x)
#define _IRQL_always_function_min_(x)
#define _IRQL_always_function_max_(x)
#define _IRQL_raises_(x)
#define _IRQL_saves_
#define _IRQL_restores_
#define _Printf_format_string_
#define _Inout_updates_opt_(x)
#define _Out_writes_opt_(x)
#define _In_reads_opt_(x)
#define _Outptr_opt_
#define _Ret_range_(a, b)
#define _In_range_(a, b)
#define _Out_range_(a, b)
#define _Struct_size_bytes_(x)
#define _Guarded_by_(x)
#define _Interlocked_
#define _Requires_lock_not_held_(x)
#define _Releases_exclusive_lock_(x)
#define _Acquires_exclusive_lock_(x)
#define _Post_invalid_
#define _Pre_notnull_
#define _Post_ptr_invalid_
#define _Frees_ptr_
#define _Frees_ptr_opt_
#define _Notnull_
#define _Maybenull_
#define _Pre_maybenull_
#define _Post_maybenull_
#define _Kernel_clear_do_init_(x)
#define _Kernel_float_used_
#define _Must_inspect_impl_
#define _Ret_z_
#define TRACE_LEVEL_NONE 0
#define TRACE_LEVEL_CRITICAL 1
#define TRACE_LEVEL_FATAL 1
#define TRACE_LEVEL_ERROR 2
#define TRACE_LEVEL_WARNING 3
#define TRACE_LEVEL_INFORMATION 4
#define TRACE_LEVEL_VERBOSE 5
#define PASSIVE_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#define CONST const
#define FORCEINLINE static inline
#define INITCODE
#define PAGEDX
#define PAGED_CODE()
#define PAGED_CODE_LOCKED()
#define UNREFERENCED_PARAMETER(x) ((void)(x))
#define DBG_UNREFERENCED_LOCAL_VARIABLE(x) ((void)(x))
#define ALLOC_PRAGMA_DISABLED 1
#define DECLARE_CONST_UNICODE_STRING(name, text) const UNICODE_STRING name = { 0 }
#define DECLARE_UNICODE_STRING_SIZE(name, size) UNICODE_STRING name = { 0 }
#define RTL_CONSTANT_STRING(s) { 0 }
#define ARGUMENT_PRESENT(p) ((p) != NULL)
#define FIELD_OFFSET(t, f) ((LONG)(LONG_PTR)&(((t *)0)->f))
#define RTL_NUMBER_OF(a) (sizeof(a) / sizeof((a)[0]))
#define ARRAYSIZE(a) RTL_NUMBER_OF(a)
#define TRUE 1
#define FALSE 0
#ifndef NULL
#ifdef __cplusplus
#define NULL 0
#else
#define NULL ((void *)0)
#endif
#endif

typedef void VOID;
typedef void *PVOID;
typedef char CHAR;
typedef unsigned char UCHAR, *PUCHAR, BOOLEAN, *PBOOLEAN, BYTE;
typedef short SHORT;
typedef unsigned short USHORT, *PUSHORT, WCHAR, *PWCHAR, *PWSTR;
typedef const unsigned short *PCWSTR;
typedef char *PCHAR, *PSTR;
typedef const char *PCSTR;
typedef int INT, BOOL;
typedef long LONG, *PLONG, NTSTATUS, *PNTSTATUS;
typedef unsigned long ULONG, *PULONG, DWORD;
typedef unsigned int UINT32, UINT;
typedef int INT32;
typedef unsigned short UINT16;
typedef unsigned char UINT8;
typedef long long LONGLONG, LONG64, INT64;
typedef unsigned long long ULONGLONG, ULONG64, UINT64, DWORD64;
typedef long long LONG_PTR, INT_PTR;
typedef unsigned long long ULONG_PTR, SIZE_T, *PSIZE_T, UINT_PTR;
typedef ULONG_PTR KAFFINITY;
typedef PVOID HANDLE, *PHANDLE;
typedef UCHAR KIRQL;
typedef ULONG ACCESS_MASK;
typedef union _LARGE_INTEGER { LONGLONG QuadPart; } LARGE_INTEGER, *PLARGE_INTEGER;
typedef struct _GUID { ULONG Data1; USHORT Data2; USHORT Data3; UCHAR Data4[8]; } GUID, *PGUID;
typedef const GUID *LPCGUID;
typedef struct _UNICODE_STRING { USHORT Length; USHORT MaximumLength; PWCHAR Buffer; } UNICODE_STRING;
typedef WCHAR *PWCH;
typedef UNICODE_STRING *PUNICODE_STRING;
typedef const UNICODE_STRING *PCUNICODE_STRING;
typedef struct _LIST_ENTRY { struct _LIST_ENTRY *Flink, *Blink; } LIST_ENTRY, *PLIST_ENTRY;
typedef struct _OBJECT_ATTRIBUTES { ULONG Length; } OBJECT_ATTRIBUTES, *POBJECT_ATTRIBUTES;
typedef struct _IO_STATUS_BLOCK { NTSTATUS Status; ULONG_PTR Information; } IO_STATUS_BLOCK, *PIO_STATUS_BLOCK;
typedef struct _KEVENT { LONG Header; } KEVENT, *PKEVENT;
typedef struct _KSPIN_LOCK_S { ULONG_PTR Lock; } KSPIN_LOCK_S;
typedef ULONG_PTR KSPIN_LOCK, *PKSPIN_LOCK;
typedef struct _FAST_MUTEX { LONG Count; } FAST_MUTEX, *PFAST_MUTEX;
typedef struct _ERESOURCE { LONG Count; } ERESOURCE, *PERESOURCE;
typedef struct _MDL { ULONG Size; } MDL, *PMDL;
typedef struct _IRP { IO_STATUS_BLOCK IoStatus; } IRP, *PIRP;
typedef struct _DEVICE_OBJECT { PVOID DeviceExtension; ULONG Flags; } DEVICE_OBJECT, *PDEVICE_OBJECT;
typedef struct _DRIVER_OBJECT *PDRIVER_OBJECT;
typedef VOID DRIVER_UNLOAD(PDRIVER_OBJECT DriverObject);
typedef DRIVER_UNLOAD *PDRIVER_UNLOAD;
typedef NTSTATUS DRIVER_DISPATCH(PDEVICE_OBJECT DeviceObject, PIRP Irp);
typedef DRIVER_DISPATCH *PDRIVER_DISPATCH;
typedef NTSTATUS DRIVER_ADD_DEVICE(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT PhysicalDeviceObject);
typedef DRIVER_ADD_DEVICE *PDRIVER_ADD_DEVICE;
typedef NTSTATUS DRIVER_INITIALIZE(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath);
typedef struct _DRIVER_EXTENSION { PDRIVER_ADD_DEVICE AddDevice; } DRIVER_EXTENSION, *PDRIVER_EXTENSION;
typedef struct _DRIVER_OBJECT
{
    PDEVICE_OBJECT DeviceObject;
    PDRIVER_EXTENSION DriverExtension;
    PDRIVER_UNLOAD DriverUnload;
    PDRIVER_DISPATCH MajorFunction[28];
} DRIVER_OBJECT;
typedef enum _POOL_TYPE { NonPagedPool, PagedPool, NonPagedPoolNx = 512 } POOL_TYPE;
typedef ULONG64 POOL_FLAGS;
#define POOL_FLAG_NON_PAGED 0x40ULL
#define POOL_FLAG_PAGED 0x100ULL
#define POOL_FLAG_UNINITIALIZED 0x2ULL
#define IRP_MJ_CREATE 0x00
#define IRP_MJ_CLOSE 0x02
#define IRP_MJ_READ 0x03
#define IRP_MJ_WRITE 0x04
#define IRP_MJ_DEVICE_CONTROL 0x0e
#define IRP_MJ_INTERNAL_DEVICE_CONTROL 0x0f
#define IRP_MJ_PNP 0x1b
#define IRP_MJ_POWER 0x16
#define IRP_MJ_MAXIMUM_FUNCTION 0x1b

/* NTSTATUS values the scan reads by name. */
#define STATUS_SUCCESS ((NTSTATUS)0x00000000L)
#define STATUS_UNSUCCESSFUL ((NTSTATUS)0xC0000001L)
#define STATUS_NOT_IMPLEMENTED ((NTSTATUS)0xC0000002L)
#define STATUS_INVALID_PARAMETER ((NTSTATUS)0xC000000DL)
#define STATUS_NO_MEMORY ((NTSTATUS)0xC0000017L)
#define STATUS_INSUFFICIENT_RESOURCES ((NTSTATUS)0xC000009AL)
#define STATUS_NOT_SUPPORTED ((NTSTATUS)0xC00000BBL)
#define STATUS_OBJECT_NAME_NOT_FOUND ((NTSTATUS)0xC0000034L)
#define STATUS_INVALID_DEVICE_STATE ((NTSTATUS)0xC0000184L)
#define STATUS_DEVICE_CONFIGURATION_ERROR ((NTSTATUS)0xC0000182L)
#define STATUS_BUFFER_TOO_SMALL ((NTSTATUS)0xC0000023L)
#define NT_SUCCESS(Status) (((NTSTATUS)(Status)) >= 0)
#define NT_ERROR(Status) ((((ULONG)(Status)) >> 30) == 3)

/* Kernel routines: pool, lookaside lists, registry, strings, handles. */
typedef struct _LOOKASIDE_LIST_EX { PVOID P; } LOOKASIDE_LIST_EX, *PLOOKASIDE_LIST_EX;
typedef struct _NPAGED_LOOKASIDE_LIST { PVOID P; } NPAGED_LOOKASIDE_LIST, *PNPAGED_LOOKASIDE_LIST;
typedef struct _PAGED_LOOKASIDE_LIST { PVOID P; } PAGED_LOOKASIDE_LIST, *PPAGED_LOOKASIDE_LIST;
DN_ROUTINE(PVOID, ExAllocatePool2, (POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag))
DN_ROUTINE(PVOID, ExAllocatePool3, (POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag, PVOID Parameters, ULONG Count))
DN_ROUTINE(PVOID, ExAllocatePoolWithTag, (POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag))
DN_ROUTINE(PVOID, ExAllocatePoolZero, (POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag))
DN_ROUTINE(PVOID, ExAllocatePoolUninitialized, (POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag))
DN_ROUTINE(PVOID, ExAllocatePool, (POOL_TYPE PoolType, SIZE_T NumberOfBytes))
DN_ROUTINE(VOID, ExFreePool, (PVOID P))
DN_ROUTINE(VOID, ExFreePoolWithTag, (PVOID P, ULONG Tag))
DN_ROUTINE(VOID, ExFreePool2, (PVOID P, ULONG Tag, PVOID Parameters, ULONG Count))
DN_ROUTINE(NTSTATUS, ExInitializeLookasideListEx, (PLOOKASIDE_LIST_EX Lookaside, PVOID Allocate, PVOID Free, POOL_TYPE PoolType, ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth))
DN_ROUTINE(VOID, ExDeleteLookasideListEx, (PLOOKASIDE_LIST_EX Lookaside))
DN_ROUTINE(VOID, ExInitializeNPagedLookasideList, (PNPAGED_LOOKASIDE_LIST Lookaside, PVOID Allocate, PVOID Free, ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth))
DN_ROUTINE(VOID, ExDeleteNPagedLookasideList, (PNPAGED_LOOKASIDE_LIST Lookaside))
DN_ROUTINE(VOID, ExInitializePagedLookasideList, (PPAGED_LOOKASIDE_LIST Lookaside, PVOID Allocate, PVOID Free, ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth))
DN_ROUTINE(VOID, ExDeletePagedLookasideList, (PPAGED_LOOKASIDE_LIST Lookaside))
DN_ROUTINE(PVOID, ExAllocateFromLookasideListEx, (PLOOKASIDE_LIST_EX Lookaside))
DN_ROUTINE(VOID, ExFreeToLookasideListEx, (PLOOKASIDE_LIST_EX Lookaside, PVOID Entry))
DN_ROUTINE(VOID, RtlCopyUnicodeString, (PUNICODE_STRING Destination, PCUNICODE_STRING Source))
DN_ROUTINE(VOID, RtlInitUnicodeString, (PUNICODE_STRING Destination, PCWSTR Source))
DN_ROUTINE(NTSTATUS, RtlUnicodeStringCopy, (PUNICODE_STRING Destination, PCUNICODE_STRING Source))
DN_ROUTINE(VOID, RtlZeroMemory, (PVOID Destination, SIZE_T Length))
DN_ROUTINE(VOID, RtlCopyMemory, (PVOID Destination, const void *Source, SIZE_T Length))
DN_ROUTINE(NTSTATUS, ZwOpenKey, (PHANDLE KeyHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes))
DN_ROUTINE(NTSTATUS, ZwClose, (HANDLE Handle))
DN_ROUTINE(PVOID, MmGetSystemRoutineAddress, (PUNICODE_STRING SystemRoutineName))
DN_ROUTINE(VOID, KeInitializeSpinLock, (PKSPIN_LOCK SpinLock))
DN_ROUTINE(VOID, KeInitializeEvent, (PKEVENT Event, int Type, BOOLEAN State))
DN_ROUTINE(VOID, ExInitializeFastMutex, (PFAST_MUTEX FastMutex))
DN_ROUTINE(NTSTATUS, IoCreateDevice, (PDRIVER_OBJECT DriverObject, ULONG ExtensionSize, PUNICODE_STRING DeviceName, ULONG DeviceType, ULONG Characteristics, BOOLEAN Exclusive, PDEVICE_OBJECT *DeviceObject))
DN_ROUTINE(VOID, IoDeleteDevice, (PDEVICE_OBJECT DeviceObject))
DN_ROUTINE(NTSTATUS, IoCreateSymbolicLink, (PUNICODE_STRING SymbolicLinkName, PUNICODE_STRING DeviceName))
DN_ROUTINE(NTSTATUS, IoDeleteSymbolicLink, (PUNICODE_STRING SymbolicLinkName))
DN_ROUTINE(ULONG, DbgPrint, (PCSTR Format, ...))
DN_ROUTINE(ULONG, DbgPrintEx, (ULONG ComponentId, ULONG Level, PCSTR Format, ...))
#define KdPrint(x)
#define KdPrintEx(x)

/* The WIL-style status macro as it behaves: the status goes to a variable of its own and is returned from there. */
#define RETURN_NTSTATUS_IF_FAILED(expression) do { NTSTATUS __statusRet = (expression); if (!NT_SUCCESS(__statusRet)) { return __statusRet; } } while (0)
#define RETURN_IF_NOT_SUCCESS RETURN_NTSTATUS_IF_FAILED

/* WPP software tracing: functions here so that a call reads as one. */
DN_ROUTINE(VOID, WPP_INIT_TRACING, (PVOID DriverObject, PVOID RegistryPath))
DN_ROUTINE(VOID, WPP_CLEANUP, (PVOID DriverObject))

/* KMDF. */
typedef struct WDFDRIVER__ *WDFDRIVER;
typedef struct WDFDEVICE__ *WDFDEVICE;
typedef struct WDFOBJECT__ *WDFOBJECT;
typedef struct WDFQUEUE__ *WDFQUEUE;
typedef struct WDFREQUEST__ *WDFREQUEST;
typedef struct WDFLOOKASIDE__ *WDFLOOKASIDE;
typedef struct WDFMEMORY__ *WDFMEMORY;
typedef struct WDFCOLLECTION__ *WDFCOLLECTION;
typedef struct WDFSTRING__ *WDFSTRING;
typedef struct WDFWAITLOCK__ *WDFWAITLOCK;
typedef struct WDFSPINLOCK__ *WDFSPINLOCK;
typedef struct WDFTIMER__ *WDFTIMER;
typedef struct WDFWORKITEM__ *WDFWORKITEM;
typedef struct WDFKEY__ *WDFKEY;
typedef struct WDFIOTARGET__ *WDFIOTARGET;
typedef struct WDFUSBDEVICE__ *WDFUSBDEVICE;
typedef struct WDFUSBPIPE__ *WDFUSBPIPE;
typedef struct WDFUSBINTERFACE__ *WDFUSBINTERFACE;
typedef struct WDFINTERRUPT__ *WDFINTERRUPT;
typedef struct WDFDPC__ *WDFDPC;
typedef struct WDFFILEOBJECT__ *WDFFILEOBJECT;
typedef struct WDFCMRESLIST__ *WDFCMRESLIST;
typedef struct WDFCHILDLIST__ *WDFCHILDLIST;
typedef struct WDFDEVICE_INIT *PWDFDEVICE_INIT;
typedef struct _WDF_OBJECT_CONTEXT_TYPE_INFO { PCSTR ContextName; } WDF_OBJECT_CONTEXT_TYPE_INFO;
typedef enum _WDF_EXECUTION_LEVEL { WdfExecutionLevelInvalid, WdfExecutionLevelInheritFromParent, WdfExecutionLevelPassive, WdfExecutionLevelDispatch } WDF_EXECUTION_LEVEL;
typedef enum _WDF_SYNCHRONIZATION_SCOPE { WdfSynchronizationScopeInvalid, WdfSynchronizationScopeInheritFromParent, WdfSynchronizationScopeDevice, WdfSynchronizationScopeQueue, WdfSynchronizationScopeNone } WDF_SYNCHRONIZATION_SCOPE;
typedef VOID EVT_WDF_OBJECT_CONTEXT_CLEANUP(WDFOBJECT Object);
typedef EVT_WDF_OBJECT_CONTEXT_CLEANUP *PFN_WDF_OBJECT_CONTEXT_CLEANUP;
typedef VOID EVT_WDF_OBJECT_CONTEXT_DESTROY(WDFOBJECT Object);
typedef EVT_WDF_OBJECT_CONTEXT_DESTROY *PFN_WDF_OBJECT_CONTEXT_DESTROY;
typedef NTSTATUS EVT_WDF_DRIVER_DEVICE_ADD(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit);
typedef EVT_WDF_DRIVER_DEVICE_ADD *PFN_WDF_DRIVER_DEVICE_ADD;
typedef VOID EVT_WDF_DRIVER_UNLOAD(WDFDRIVER Driver);
typedef EVT_WDF_DRIVER_UNLOAD *PFN_WDF_DRIVER_UNLOAD;
typedef struct _WDF_OBJECT_ATTRIBUTES
{
    ULONG Size;
    PFN_WDF_OBJECT_CONTEXT_CLEANUP EvtCleanupCallback;
    PFN_WDF_OBJECT_CONTEXT_DESTROY EvtDestroyCallback;
    WDF_EXECUTION_LEVEL ExecutionLevel;
    WDF_SYNCHRONIZATION_SCOPE SynchronizationScope;
    WDFOBJECT ParentObject;
    SIZE_T ContextSizeOverride;
    const WDF_OBJECT_CONTEXT_TYPE_INFO *ContextTypeInfo;
} WDF_OBJECT_ATTRIBUTES, *PWDF_OBJECT_ATTRIBUTES;
typedef enum _WDF_DRIVER_INIT_FLAGS
{
    WdfDriverInitNonPnpDriver = 0x00000001,
    WdfDriverInitNoDispatchOverride = 0x00000002,
    WdfVerifyOn = 0x00000004,
    WdfVerifierOn = 0x00000008,
    WdfDriverInitCompanion = 0x00000010,
} WDF_DRIVER_INIT_FLAGS;
typedef struct _WDF_DRIVER_CONFIG
{
    ULONG Size;
    PFN_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd;
    PFN_WDF_DRIVER_UNLOAD EvtDriverUnload;
    ULONG DriverInitFlags;
    ULONG DriverPoolTag;
} WDF_DRIVER_CONFIG, *PWDF_DRIVER_CONFIG;
#define WDF_NO_OBJECT_ATTRIBUTES NULL
#define WDF_NO_EVENT_CALLBACK NULL
#define WDF_NO_HANDLE NULL
#define WDF_NO_CONTEXT NULL
#define WDF_DECLARE_CONTEXT_TYPE(t)
#define WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(t, f)
#define WDF_TYPE_NAME_TO_TYPE_INFO(t) NULL
#define WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(a, t) WDF_OBJECT_ATTRIBUTES_INIT(a)
#define WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(a, t)
#define WdfObjectGetTypedContext(h, t) ((t *)0)
DN_ROUTINE(VOID, WDF_DRIVER_CONFIG_INIT, (PWDF_DRIVER_CONFIG Config, PFN_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd))
DN_ROUTINE(VOID, WDF_OBJECT_ATTRIBUTES_INIT, (PWDF_OBJECT_ATTRIBUTES Attributes))
DN_ROUTINE(NTSTATUS, WdfDriverCreate, (PDRIVER_OBJECT DriverObject, PCUNICODE_STRING RegistryPath, PWDF_OBJECT_ATTRIBUTES DriverAttributes, PWDF_DRIVER_CONFIG DriverConfig, WDFDRIVER *Driver))
DN_ROUTINE(WDFDRIVER, WdfGetDriver, (void))
DN_ROUTINE(VOID, WdfDriverMiniportUnload, (WDFDRIVER Driver))
DN_ROUTINE(PDRIVER_OBJECT, WdfDriverWdmGetDriverObject, (WDFDRIVER Driver))
DN_ROUTINE(NTSTATUS, WdfDriverOpenParametersRegistryKey, (WDFDRIVER Driver, ACCESS_MASK DesiredAccess, PWDF_OBJECT_ATTRIBUTES KeyAttributes, WDFKEY *Key))
DN_ROUTINE(VOID, WdfRegistryClose, (WDFKEY Key))
DN_ROUTINE(NTSTATUS, WdfLookasideListCreate, (PWDF_OBJECT_ATTRIBUTES LookasideAttributes, SIZE_T BufferSize, POOL_TYPE PoolType, PWDF_OBJECT_ATTRIBUTES MemoryAttributes, ULONG PoolTag, WDFLOOKASIDE *Lookaside))
DN_ROUTINE(NTSTATUS, WdfMemoryCreate, (PWDF_OBJECT_ATTRIBUTES Attributes, POOL_TYPE PoolType, ULONG PoolTag, SIZE_T BufferSize, WDFMEMORY *Memory, PVOID *Buffer))
DN_ROUTINE(NTSTATUS, WdfCollectionCreate, (PWDF_OBJECT_ATTRIBUTES CollectionAttributes, WDFCOLLECTION *Collection))
DN_ROUTINE(NTSTATUS, WdfStringCreate, (PCUNICODE_STRING UnicodeString, PWDF_OBJECT_ATTRIBUTES StringAttributes, WDFSTRING *String))
DN_ROUTINE(NTSTATUS, WdfWaitLockCreate, (PWDF_OBJECT_ATTRIBUTES LockAttributes, WDFWAITLOCK *Lock))
DN_ROUTINE(NTSTATUS, WdfSpinLockCreate, (PWDF_OBJECT_ATTRIBUTES SpinLockAttributes, WDFSPINLOCK *SpinLock))
DN_ROUTINE(NTSTATUS, WdfObjectCreate, (PWDF_OBJECT_ATTRIBUTES Attributes, WDFOBJECT *Object))
DN_ROUTINE(NTSTATUS, WdfTimerCreate, (PVOID Config, PWDF_OBJECT_ATTRIBUTES Attributes, WDFTIMER *Timer))
DN_ROUTINE(NTSTATUS, WdfWorkItemCreate, (PVOID Config, PWDF_OBJECT_ATTRIBUTES Attributes, WDFWORKITEM *WorkItem))
DN_ROUTINE(NTSTATUS, WdfDeviceCreate, (PWDFDEVICE_INIT *DeviceInit, PWDF_OBJECT_ATTRIBUTES DeviceAttributes, WDFDEVICE *Device))
DN_ROUTINE(PWDFDEVICE_INIT, WdfControlDeviceInitAllocate, (WDFDRIVER Driver, PCUNICODE_STRING SDDLString))
DN_ROUTINE(VOID, WdfDeviceInitFree, (PWDFDEVICE_INIT DeviceInit))
DN_ROUTINE(VOID, WdfControlFinishInitializing, (WDFDEVICE Device))
DN_ROUTINE(NTSTATUS, WdfDeviceMiniportCreate, (WDFDRIVER Driver, PWDF_OBJECT_ATTRIBUTES Attributes, PDEVICE_OBJECT DeviceObject, PDEVICE_OBJECT AttachedDeviceObject, PDEVICE_OBJECT Pdo, WDFDEVICE *Device))
DN_ROUTINE(VOID, WdfObjectDelete, (WDFOBJECT Object))
extern const UNICODE_STRING SDDL_DEVOBJ_SYS_ALL_ADM_ALL;

/* Class and port drivers that take over the driver object. */
typedef struct _NDIS_MINIPORT_DRIVER_CHARACTERISTICS
{
    ULONG Header;
    PVOID InitializeHandlerEx;
    PVOID HaltHandlerEx;
    PVOID UnloadHandler;
    PVOID SetOptionsHandler;
} NDIS_MINIPORT_DRIVER_CHARACTERISTICS, *PNDIS_MINIPORT_DRIVER_CHARACTERISTICS;
typedef PVOID NDIS_HANDLE, *PNDIS_HANDLE;
typedef NTSTATUS NDIS_STATUS;
#define NDIS_STATUS_SUCCESS ((NDIS_STATUS)0)
DN_ROUTINE(NDIS_STATUS, NdisMRegisterMiniportDriver, (PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath, NDIS_HANDLE MiniportDriverContext, PNDIS_MINIPORT_DRIVER_CHARACTERISTICS MiniportDriverCharacteristics, PNDIS_HANDLE NdisMiniportDriverHandle))
DN_ROUTINE(VOID, NdisMDeregisterMiniportDriver, (NDIS_HANDLE NdisMiniportDriverHandle))
DN_ROUTINE(NTSTATUS, KsInitializeDriver, (PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath, const void *Descriptor))
DN_ROUTINE(NTSTATUS, PcInitializeAdapterDriver, (PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath, PVOID AddDevice))

#endif
