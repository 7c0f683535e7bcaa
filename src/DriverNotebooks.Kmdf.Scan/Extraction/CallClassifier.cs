using System.Text;
using DriverNotebooks.Kmdf.Scan.Reading;

namespace DriverNotebooks.Kmdf.Scan.Extraction;

/// <summary>What the scan knows about a called routine, by name.</summary>
public enum CallRole
{
    Other,
    PoolAllocate,
    LookasideInit,
    LookasideExInit,
    TracingInit,
    HandleOpen,
    Free,
    WdfDriverCreate,
    CreateObject,
    ControlDeviceCreate,
    ClassInit,
    MiniportUnload,
    ObjectDelete,
    DriverConfigInit,
    AttributesInit,
}

/// <summary>Sorts the routines a driver calls into the roles the lifecycle model has, and reads names from arguments.</summary>
public static class CallClassifier
{
    /// <summary>The resource name WPP tracing gets in scenarios.</summary>
    public const string TracingName = "WppTracing";

    private static readonly Dictionary<string, CallRole> Roles = new(StringComparer.Ordinal)
    {
        ["ExAllocatePool2"] = CallRole.PoolAllocate,
        ["ExAllocatePool3"] = CallRole.PoolAllocate,
        ["ExAllocatePoolWithTag"] = CallRole.PoolAllocate,
        ["ExAllocatePoolZero"] = CallRole.PoolAllocate,
        ["ExAllocatePoolUninitialized"] = CallRole.PoolAllocate,
        ["ExAllocatePool"] = CallRole.PoolAllocate,
        ["ExAllocatePoolWithQuotaTag"] = CallRole.PoolAllocate,
        ["ExInitializeNPagedLookasideList"] = CallRole.LookasideInit,
        ["ExInitializePagedLookasideList"] = CallRole.LookasideInit,
        ["ExInitializeLookasideListEx"] = CallRole.LookasideExInit,
        ["WPP_INIT_TRACING"] = CallRole.TracingInit,
        ["ZwOpenKey"] = CallRole.HandleOpen,
        ["ZwCreateKey"] = CallRole.HandleOpen,
        ["ZwCreateFile"] = CallRole.HandleOpen,
        ["ZwOpenFile"] = CallRole.HandleOpen,
        ["IoOpenDriverRegistryKey"] = CallRole.HandleOpen,
        ["ExFreePool"] = CallRole.Free,
        ["ExFreePoolWithTag"] = CallRole.Free,
        ["ExFreePool2"] = CallRole.Free,
        ["ExDeleteNPagedLookasideList"] = CallRole.Free,
        ["ExDeletePagedLookasideList"] = CallRole.Free,
        ["ExDeleteLookasideListEx"] = CallRole.Free,
        ["WPP_CLEANUP"] = CallRole.Free,
        ["ZwClose"] = CallRole.Free,
        ["WdfDriverCreate"] = CallRole.WdfDriverCreate,
        ["WdfLookasideListCreate"] = CallRole.CreateObject,
        ["WdfMemoryCreate"] = CallRole.CreateObject,
        ["WdfCollectionCreate"] = CallRole.CreateObject,
        ["WdfStringCreate"] = CallRole.CreateObject,
        ["WdfWaitLockCreate"] = CallRole.CreateObject,
        ["WdfSpinLockCreate"] = CallRole.CreateObject,
        ["WdfObjectCreate"] = CallRole.CreateObject,
        ["WdfDeviceCreate"] = CallRole.ControlDeviceCreate,
        ["NdisMRegisterMiniportDriver"] = CallRole.ClassInit,
        ["KsInitializeDriver"] = CallRole.ClassInit,
        ["PcInitializeAdapterDriver"] = CallRole.ClassInit,
        ["WdfDriverMiniportUnload"] = CallRole.MiniportUnload,
        ["WdfObjectDelete"] = CallRole.ObjectDelete,
        ["WDF_DRIVER_CONFIG_INIT"] = CallRole.DriverConfigInit,
        ["WDF_OBJECT_ATTRIBUTES_INIT"] = CallRole.AttributesInit,
        ["WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE"] = CallRole.AttributesInit,
    };

    public static CallRole RoleOf(string routine) => Roles.GetValueOrDefault(routine, CallRole.Other);

    /// <summary>The framework object type a create DDI makes.</summary>
    public static WdfObjectType ObjectTypeOf(string routine) => routine switch
    {
        "WdfLookasideListCreate" => WdfObjectType.Lookaside,
        "WdfMemoryCreate" => WdfObjectType.Memory,
        "WdfCollectionCreate" => WdfObjectType.Collection,
        "WdfStringCreate" => WdfObjectType.String,
        "WdfWaitLockCreate" => WdfObjectType.WaitLock,
        "WdfSpinLockCreate" => WdfObjectType.SpinLock,
        _ => WdfObjectType.Object,
    };

    public static ClassDriver ClassOf(string routine) => routine switch
    {
        "KsInitializeDriver" => ClassDriver.Ks,
        "PcInitializeAdapterDriver" => ClassDriver.PortCls,
        _ => ClassDriver.Ndis,
    };

    /// <summary>The resource kind an allocating or freeing routine works on.</summary>
    public static ResourceKind KindOf(string routine) => routine switch
    {
        "ExInitializeNPagedLookasideList" or "ExInitializePagedLookasideList" or "ExDeleteNPagedLookasideList" or "ExDeletePagedLookasideList" => ResourceKind.WdmLookaside,
        "ExInitializeLookasideListEx" or "ExDeleteLookasideListEx" => ResourceKind.WdmLookasideEx,
        "WPP_INIT_TRACING" or "WPP_CLEANUP" => ResourceKind.Tracing,
        "ZwClose" or "ZwOpenKey" or "ZwCreateKey" or "ZwCreateFile" or "ZwOpenFile" or "IoOpenDriverRegistryKey" => ResourceKind.Handle,
        _ => ResourceKind.Pool,
    };

    /// <summary>The routine a call expression calls: its spelling, or the name it refers to when the callee was never declared.</summary>
    public static string CalleeOf(SyntaxNode call)
    {
        if (call.Spelling.Length > 0) return call.Spelling;
        var reference = call.Children.Count > 0 ? call.Children[0].DescendantsAndSelf().FirstOrDefault(n => n.Kind == SyntaxKind.DeclRefExpr) : null;
        if (reference is not null) return reference.Spelling;
        var text = call.Text.TrimStart();
        var end = 0;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
        return text[..end];
    }

    /// <summary>
    /// <c>Routine(arg, arg…)</c> read from an expression's text: how a call reads when the compiler could only
    /// recover it (an argument it could not resolve), and the argument texts of any call.
    /// </summary>
    public static (string Routine, IReadOnlyList<string> Arguments)? CallText(string text)
    {
        var t = Compact(text);
        var end = 0;
        while (end < t.Length && (char.IsLetterOrDigit(t[end]) || t[end] == '_')) end++;
        if (end == 0 || end >= t.Length || t[end] != '(' || t[^1] != ')') return null;
        var args = new List<string>();
        var depth = 0;
        var start = end + 1;
        for (var i = end; i < t.Length; i++)
        {
            var c = t[i];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                depth--;
                if (depth == 0 && i != t.Length - 1) return null;
            }
            else if (c == ',' && depth == 1)
            {
                args.Add(t[start..i]);
                start = i + 1;
            }
        }
        if (start < t.Length - 1) args.Add(t[start..^1]);
        return (t[..end], args);
    }

    /// <summary><c>lhs = rhs</c> at the top level of an expression's text (not <c>==</c>, <c>!=</c>, <c>&lt;=</c>, <c>&gt;=</c>).</summary>
    public static (string Left, string Right)? AssignmentText(string text)
    {
        var t = Compact(text);
        var depth = 0;
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == '=' && depth == 0 && i > 0 && t[i - 1] is not ('=' or '!' or '<' or '>' or '|' or '&' or '+' or '-') && (i + 1 >= t.Length || t[i + 1] != '='))
            {
                return (t[..i], t[(i + 1)..]);
            }
        }
        return null;
    }

    /// <summary>
    /// The name a resource or object gets from an expression such as <c>&amp;Globals-&gt;Lookaside</c>,
    /// <c>(PVOID)gBuffer</c> or <c>ctx-&gt;RegistryPath.Buffer</c>: its last member (with the one before it for a
    /// UNICODE_STRING's Buffer), sanitized to letters, digits, '_' and '-'.
    /// </summary>
    public static string ResourceName(string expression)
    {
        var text = StripCasts(expression.Trim());
        var parts = text.Replace("->", ".").Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return "unnamed";
        var last = parts[^1];
        var name = last is "Buffer" && parts.Length > 1 ? parts[^2] + "_" + last : last;
        return Sanitize(name);
    }

    /// <summary>The variable an expression names before any member access: <c>&amp;config</c> → <c>config</c>, <c>attributes.EvtCleanupCallback</c> → <c>attributes</c>.</summary>
    public static string VariableOf(string expression)
    {
        var text = StripCasts(expression.Trim());
        var end = 0;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
        return text[..end];
    }

    private static string StripCasts(string text)
    {
        var t = text;
        while (true)
        {
            t = t.Trim();
            if (t.StartsWith('&') || t.StartsWith('*')) { t = t[1..]; continue; }
            if (t.StartsWith('(') && t.IndexOf(')') is var close and > 0)
            {
                var inner = t[1..close];
                if (close == t.Length - 1) { t = inner; continue; }
                if (inner.All(c => char.IsLetterOrDigit(c) || c is '_' or ' ' or '*')) { t = t[(close + 1)..]; continue; }
            }
            break;
        }
        var bracket = t.IndexOf('[');
        return bracket > 0 ? t[..bracket] : t;
    }

    public static string Sanitize(string name)
    {
        var b = new StringBuilder(name.Length);
        foreach (var c in name) b.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        var s = b.ToString().Trim('_');
        return s.Length == 0 ? "unnamed" : s;
    }

    /// <summary>Source text with comments and whitespace removed, for reading conditions and arguments.</summary>
    public static string Compact(string text)
    {
        var b = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/') { while (i < text.Length && text[i] != '\n') i++; continue; }
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*') { var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal); i = end < 0 ? text.Length : end + 1; continue; }
            if (!char.IsWhiteSpace(text[i])) b.Append(text[i]);
        }
        return b.ToString();
    }
}
