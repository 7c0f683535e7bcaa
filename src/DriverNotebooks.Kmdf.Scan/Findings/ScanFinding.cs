namespace DriverNotebooks.Kmdf.Scan.Findings;

/// <summary>What kind of mistake a scan finding is.</summary>
public enum ScanFindingKind
{
    /// <summary>A resource still allocated when the image unloads after DriverEntry failed at some step.</summary>
    LeakOnFailurePath,

    /// <summary>A resource still allocated when the image unloads after a successful load and unload.</summary>
    LeakAtUnload,

    /// <summary>A WDM lookaside list left initialized (on the system-wide list) when the image unloads.</summary>
    LookasideLeftAtUnload,

    /// <summary>A cleanup routine frees, without a check, something that is not allocated on some path.</summary>
    UnguardedFree,

    /// <summary>EvtCleanupCallback / EvtDestroyCallback set in attributes that never reach WdfDriverCreate (or any create call).</summary>
    DeadCleanupCallback,

    /// <summary>A failing WdfDriverCreate whose status is overwritten or ignored: DriverEntry goes on or returns success without a WDFDRIVER.</summary>
    IgnoredWdfDriverCreateFailure,

    /// <summary>Something else the framework or verifier would report (from the engine's diagnostics).</summary>
    FrameworkDiagnostic,
}

/// <summary>One finding, with the source line it is about.</summary>
/// <param name="Kind">What kind of mistake.</param>
/// <param name="SourceFile">The file, as the scan names it.</param>
/// <param name="Line">1-based line of the statement the finding is about (the allocation for leaks).</param>
/// <param name="Resource">The resource, object or callback concerned.</param>
/// <param name="Message">One sentence: what goes wrong and on which path.</param>
public sealed record ScanFinding(ScanFindingKind Kind, string SourceFile, int Line, string Resource, string Message)
{
    public override string ToString() => $"{SourceFile}:{Line}: {Kind}: {Message}";
}
