using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using static DriverNotebooks.Kmdf.Scan.Native.ClangNative;

namespace DriverNotebooks.Kmdf.Scan.Reading;

/// <summary>
/// Parses one C or C++ driver source with libclang, with our stub header (<c>wdk-stub.h</c>) included first and
/// empty stand-ins for the common WDK headers, and copies the function definitions of that file into
/// <see cref="SyntaxNode"/> trees. Headers that cannot be found do not stop the parse (CXTranslationUnit_KeepGoing);
/// they are listed in <see cref="TranslationUnit.UnresolvedIncludes"/>.
/// </summary>
public static unsafe class TranslationUnitReader
{
    /// <summary>The folder the stub header and the stand-in WDK headers appear in (unsaved files; nothing is written to disk).</summary>
    public const string StubFolder = "/drivernotebooks-wdk-stub";

    /// <summary>WDK headers replaced by empty files: the stub header declares what the scan needs from them.</summary>
    public static readonly IReadOnlyList<string> StandInHeaders =
    [
        "ntddk.h", "wdm.h", "ntifs.h", "wdf.h", "ntstrsafe.h", "ntintsafe.h", "initguid.h", "wdmsec.h", "wdmguid.h",
        "ntstatus.h", "windef.h", "ndis.h", "ks.h", "ksmedia.h", "portcls.h", "usb.h", "usbdi.h", "usbdlib.h", "wdfusb.h",
        "wpprecorder.h", "evntrace.h", "wdfminiport.h", "ntddser.h", "hidport.h", "wmilib.h", "wdmwarn4.h", "stdarg.h",
        "stddef.h", "string.h", "stdlib.h", "stdio.h", "ntverp.h", "bcrypt.h", "ntddkbd.h", "ntddmou.h", "kbdmou.h",
    ];

    private static readonly byte[] StubHeader = LoadStub();

    private static byte[] LoadStub()
    {
        using var stream = typeof(TranslationUnitReader).Assembly.GetManifestResourceStream("wdk-stub.h")
            ?? throw new InvalidOperationException("wdk-stub.h is not embedded in " + typeof(TranslationUnitReader).Assembly.GetName().Name);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>The stub header's text, for documentation and tests.</summary>
    public static string StubHeaderText => Encoding.UTF8.GetString(StubHeader);

    /// <summary>Reads <paramref name="path"/> (whose bytes are <paramref name="source"/>).</summary>
    /// <param name="displayPath">How findings name the file.</param>
    /// <exception cref="SourceReadException">libclang could not make a translation unit of it.</exception>
    public static TranslationUnit Read(string path, byte[] source, string displayPath)
    {
        var fullPath = Path.GetFullPath(path);
        var cplusplus = Path.GetExtension(path).ToLowerInvariant() is ".cpp" or ".cc" or ".cxx";
        var arguments = new List<string>
        {
            cplusplus ? "-xc++" : "-xc",
            cplusplus ? "-std=c++17" : "-std=gnu11",
            "-fms-extensions",
            "-nostdinc",
            "-ferror-limit=0",
            "-Wno-everything",
            "-Wno-error=implicit-function-declaration",
            "-Wno-error=int-conversion",
            "-Wno-error=incompatible-pointer-types",
            "-DEVENT_TRACING", "-D_AMD64_", "-D_WIN64", "-DKMDF_VERSION_MAJOR=1", "-DKMDF_VERSION_MINOR=33", "-D_KERNEL_MODE",
            "-I" + (Path.GetDirectoryName(fullPath) ?? "."),
            "-I" + StubFolder,
            "-include", StubFolder + "/wdk-stub.h",
        };
        if (cplusplus) arguments.AddRange(["-fms-compatibility", "-fdelayed-template-parsing"]);

        var unsaved = new List<(string Name, byte[] Bytes)> { (StubFolder + "/wdk-stub.h", StubHeader), (fullPath, source) };
        unsaved.AddRange(StandInHeaders.Select(h => (StubFolder + "/" + h, Array.Empty<byte>())));

        var pinned = new List<GCHandle>();
        var strings = new List<IntPtr>();
        IntPtr Utf8(string s)
        {
            var p = Marshal.StringToCoTaskMemUTF8(s);
            strings.Add(p);
            return p;
        }
        var index = clang_createIndex(0, 0);
        IntPtr unit = IntPtr.Zero;
        try
        {
            var args = arguments.Select(Utf8).ToArray();
            var files = new CXUnsavedFile[unsaved.Count];
            for (var i = 0; i < unsaved.Count; i++)
            {
                var bytes = unsaved[i].Bytes.Length == 0 ? [(byte)'\n'] : unsaved[i].Bytes;
                var h = GCHandle.Alloc(bytes, GCHandleType.Pinned);
                pinned.Add(h);
                files[i] = new CXUnsavedFile { Filename = Utf8(unsaved[i].Name), Contents = h.AddrOfPinnedObject(), Length = (nuint)bytes.Length };
            }
            int error;
            fixed (IntPtr* argv = args)
            fixed (CXUnsavedFile* unsavedFiles = files)
            {
                error = clang_parseTranslationUnit2(index, Utf8(fullPath), argv, args.Length, unsavedFiles, (uint)files.Length,
                    (uint)(ParseOptions.KeepGoing | ParseOptions.Incomplete), &unit);
            }
            if (error != 0 || unit == IntPtr.Zero)
            {
                throw new SourceReadException($"{displayPath}: libclang could not parse it (CXErrorCode {error}); allowed: C or C++ source text");
            }
            return Collect(unit, source, fullPath, displayPath);
        }
        finally
        {
            if (unit != IntPtr.Zero) clang_disposeTranslationUnit(unit);
            clang_disposeIndex(index);
            foreach (var h in pinned) h.Free();
            foreach (var p in strings) Marshal.FreeCoTaskMem(p);
        }
    }

    private static TranslationUnit Collect(IntPtr unit, byte[] source, string fullPath, string displayPath)
    {
        var functions = new List<FunctionDefinition>();
        var state = new ReadState(source, displayPath, fullPath);
        CollectFunctions(clang_getTranslationUnitCursor(unit), state, functions);

        var unresolved = new List<string>();
        var errors = new List<ParseDiagnostic>();
        var count = clang_getNumDiagnostics(unit);
        for (uint i = 0; i < count; i++)
        {
            var d = clang_getDiagnostic(unit, i);
            try
            {
                var severity = clang_getDiagnosticSeverity(d);
                if (severity < 3) continue;
                var message = Take(clang_getDiagnosticSpelling(d));
                var (file, line, _) = Where(clang_getDiagnosticLocation(d));
                if (message.EndsWith("file not found", StringComparison.Ordinal))
                {
                    var start = message.IndexOf('\'');
                    var end = message.IndexOf('\'', start + 1);
                    unresolved.Add(start >= 0 && end > start ? message[(start + 1)..end] : message);
                }
                else if (file == fullPath)
                {
                    errors.Add(new ParseDiagnostic(displayPath, (int)line, message));
                }
            }
            finally
            {
                clang_disposeDiagnostic(d);
            }
        }
        return new TranslationUnit(displayPath, functions, unresolved.Distinct(StringComparer.Ordinal).ToArray(), errors);
    }

    private sealed class ReadState(byte[] source, string displayPath, string fullPath)
    {
        public string FullPath { get; } = fullPath;
        public byte[] Source { get; } = source;
        public string DisplayPath { get; } = displayPath;
    }

    private static void CollectFunctions(CXCursor parent, ReadState state, List<FunctionDefinition> functions)
    {
        foreach (var cursor in Children(parent))
        {
            var kind = (SyntaxKind)clang_getCursorKind(cursor);
            if (kind is SyntaxKind.Namespace or SyntaxKind.LinkageSpec or SyntaxKind.UnexposedStmt || (int)kind == 1 /* UnexposedDecl: extern "C" blocks */)
            {
                if (clang_Location_isFromMainFile(clang_getCursorLocation(cursor)) != 0) CollectFunctions(cursor, state, functions);
                continue;
            }
            if (kind is not (SyntaxKind.FunctionDecl or SyntaxKind.CxxMethod)) continue;
            if (clang_Location_isFromMainFile(clang_getCursorLocation(cursor)) == 0) continue;
            var body = Children(cursor).FirstOrDefault(c => clang_getCursorKind(c) == (int)SyntaxKind.CompoundStmt);
            if (body.Kind == 0) continue;
            var (_, line, _) = Where(clang_getCursorLocation(cursor));
            functions.Add(new FunctionDefinition(Take(clang_getCursorSpelling(cursor)), state.DisplayPath, (int)line, Node(body, state, 0)));
        }
    }

    /// <summary>Deep enough for any real DriverEntry; deeper nesting is cut (the scan reads statements, not expressions).</summary>
    private const int MaxDepth = 64;

    private static SyntaxNode Node(CXCursor cursor, ReadState state, int depth)
    {
        var kind = (SyntaxKind)clang_getCursorKind(cursor);
        var extent = clang_getCursorExtent(cursor);
        // Where a macro argument was written, or where the macro was used: the text a reader sees in the file.
        var (startFile, line, start) = FileWhere(clang_getRangeStart(extent));
        var (endFile, _, end) = FileWhere(clang_getRangeEnd(extent));
        var text = startFile == state.FullPath && endFile == state.FullPath && start < end && end <= state.Source.Length
            ? Encoding.UTF8.GetString(state.Source, (int)start, (int)(end - start)) : "";
        var children = depth >= MaxDepth ? [] : Children(cursor).Select(c => Node(c, state, depth + 1)).ToArray();
        return new SyntaxNode(kind, Take(clang_getCursorSpelling(cursor)), state.DisplayPath, (int)line, text, children);
    }

    private static (string File, uint Line, uint Offset) Where(CXSourceLocation location)
    {
        IntPtr file;
        uint line, column, offset;
        clang_getExpansionLocation(location, &file, &line, &column, &offset);
        return (file == IntPtr.Zero ? "" : Take(clang_getFileName(file)), line, offset);
    }

    private static (string File, uint Line, uint Offset) FileWhere(CXSourceLocation location)
    {
        IntPtr file;
        uint line, column, offset;
        clang_getFileLocation(location, &file, &line, &column, &offset);
        return (file == IntPtr.Zero ? "" : Take(clang_getFileName(file)), line, offset);
    }

    private static List<CXCursor> Children(CXCursor parent)
    {
        var list = new List<CXCursor>();
        var handle = GCHandle.Alloc(list);
        try
        {
            clang_visitChildren(parent, &Visit, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }
        return list;
    }

    [UnmanagedCallersOnly]
    private static int Visit(CXCursor cursor, CXCursor parent, IntPtr clientData)
    {
        ((List<CXCursor>)GCHandle.FromIntPtr(clientData).Target!).Add(cursor);
        return ChildVisitContinue;
    }
}

/// <summary>A source file libclang could not read at all; its message is the one line the scan reports.</summary>
public sealed class SourceReadException(string message) : Exception(message);
