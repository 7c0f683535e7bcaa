using System.Reflection;
using System.Runtime.InteropServices;

namespace DriverNotebooks.Kmdf.Scan.Native;

/// <summary>
/// The small part of libclang's C API the scan uses (libclang 23, from the NuGet package
/// <c>libclang.runtime.linux-x64</c>): create an index, parse a translation unit with unsaved files, visit cursors,
/// read kinds, spellings, locations and diagnostics.
/// </summary>
internal static unsafe partial class ClangNative
{
    public const string Library = "libclang";

    /// <summary>The version of the libclang runtime package (Directory.Packages.props).</summary>
    public const string LibclangVersion = "23.1.5";

    static ClangNative() => NativeLibrary.SetDllImportResolver(typeof(ClangNative).Assembly, Resolve);

    /// <summary>
    /// Finds libclang when the host did not load this assembly through its deps.json (a notebook kernel loading the
    /// extension): the package's native path beside the assembly, then the default probing.
    /// </summary>
    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library) return IntPtr.Zero;
        if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle)) return handle;
        var folder = Path.GetDirectoryName(assembly.Location) ?? AppContext.BaseDirectory;
        // A notebook engine that loads the package from the NuGet cache does not copy the native asset beside it.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var candidate in new[]
        {
            Path.Combine(folder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", "libclang.so"),
            Path.Combine(folder, "runtimes", "linux-x64", "native", "libclang.so"),
            Path.Combine(folder, "libclang.so"),
            Path.Combine(packages, "libclang.runtime.linux-x64", LibclangVersion, "runtimes", "linux-x64", "native", "libclang.so"),
        })
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out handle)) return handle;
        }
        return IntPtr.Zero;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct CXCursor
    {
        public int Kind;
        public int XData;
        public IntPtr Data0;
        public IntPtr Data1;
        public IntPtr Data2;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct CXString
    {
        public IntPtr Data;
        public uint PrivateFlags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct CXSourceLocation
    {
        public IntPtr Ptr0;
        public IntPtr Ptr1;
        public uint IntData;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct CXSourceRange
    {
        public IntPtr Ptr0;
        public IntPtr Ptr1;
        public uint BeginIntData;
        public uint EndIntData;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct CXUnsavedFile
    {
        public IntPtr Filename;
        public IntPtr Contents;
        public nuint Length;
    }

    /// <summary>CXTranslationUnit_DetailedPreprocessingRecord is not needed; these are the flags the scan sets.</summary>
    [Flags]
    public enum ParseOptions : uint
    {
        None = 0,
        Incomplete = 0x02,
        SkipFunctionBodiesOff = 0,
        KeepGoing = 0x200,
        IgnoreNonErrorsFromIncludedFiles = 0x4000,
    }

    public const int ChildVisitBreak = 0;
    public const int ChildVisitContinue = 1;

    [LibraryImport(Library)]
    public static partial IntPtr clang_createIndex(int excludeDeclarationsFromPch, int displayDiagnostics);

    [LibraryImport(Library)]
    public static partial void clang_disposeIndex(IntPtr index);

    [LibraryImport(Library)]
    public static partial int clang_parseTranslationUnit2(IntPtr index, IntPtr sourceFilename, IntPtr* commandLineArgs, int numArgs,
        CXUnsavedFile* unsavedFiles, uint numUnsavedFiles, uint options, IntPtr* translationUnit);

    [LibraryImport(Library)]
    public static partial void clang_disposeTranslationUnit(IntPtr translationUnit);

    [LibraryImport(Library)]
    public static partial CXCursor clang_getTranslationUnitCursor(IntPtr translationUnit);

    [LibraryImport(Library)]
    public static partial uint clang_visitChildren(CXCursor parent, delegate* unmanaged<CXCursor, CXCursor, IntPtr, int> visitor, IntPtr clientData);

    [LibraryImport(Library)]
    public static partial int clang_getCursorKind(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial CXString clang_getCursorSpelling(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial CXSourceRange clang_getCursorExtent(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial CXSourceLocation clang_getCursorLocation(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial CXSourceLocation clang_getRangeStart(CXSourceRange range);

    [LibraryImport(Library)]
    public static partial CXSourceLocation clang_getRangeEnd(CXSourceRange range);

    [LibraryImport(Library)]
    public static partial void clang_getExpansionLocation(CXSourceLocation location, IntPtr* file, uint* line, uint* column, uint* offset);

    [LibraryImport(Library)]
    public static partial void clang_getFileLocation(CXSourceLocation location, IntPtr* file, uint* line, uint* column, uint* offset);

    [LibraryImport(Library)]
    public static partial int clang_Location_isFromMainFile(CXSourceLocation location);

    [LibraryImport(Library)]
    public static partial CXString clang_getFileName(IntPtr file);

    [LibraryImport(Library)]
    public static partial IntPtr clang_getCString(CXString text);

    [LibraryImport(Library)]
    public static partial void clang_disposeString(CXString text);

    [LibraryImport(Library)]
    public static partial uint clang_getNumDiagnostics(IntPtr translationUnit);

    [LibraryImport(Library)]
    public static partial IntPtr clang_getDiagnostic(IntPtr translationUnit, uint index);

    [LibraryImport(Library)]
    public static partial void clang_disposeDiagnostic(IntPtr diagnostic);

    [LibraryImport(Library)]
    public static partial int clang_getDiagnosticSeverity(IntPtr diagnostic);

    [LibraryImport(Library)]
    public static partial CXString clang_getDiagnosticSpelling(IntPtr diagnostic);

    [LibraryImport(Library)]
    public static partial CXSourceLocation clang_getDiagnosticLocation(IntPtr diagnostic);

    /// <summary>Copies a CXString into a managed string and disposes it.</summary>
    public static string Take(CXString text)
    {
        try
        {
            return Marshal.PtrToStringUTF8(clang_getCString(text)) ?? "";
        }
        finally
        {
            clang_disposeString(text);
        }
    }
}
