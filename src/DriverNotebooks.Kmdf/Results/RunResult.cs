namespace DriverNotebooks.Kmdf;

/// <summary>Everything a run produced: the ordered trace, the ledger's findings, verifier diagnostics and outcome facts.</summary>
public sealed record RunResult
{
    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>The options the run used.</summary>
    public required SimulationOptions Options { get; init; }

    /// <summary>The failures actually in force (scenario's and options'), in order.</summary>
    public required IReadOnlyList<InjectedFailure> Failures { get; init; }

    /// <summary>Ordered events.</summary>
    public required IReadOnlyList<TraceEvent> Trace { get; init; }

    /// <summary>How many trace events the run produced, whether or not <see cref="Trace"/> kept them.</summary>
    public int TraceEventCount { get; init; }

    /// <summary>Ledger problems in the order found: double frees, frees while in use, uses after free, then leaks at image unload.</summary>
    public required IReadOnlyList<LedgerFinding> Findings { get; init; }

    /// <summary>Driver bugs the framework/verifier would report.</summary>
    public required IReadOnlyList<VerifierDiagnostic> Diagnostics { get; init; }

    /// <summary>Headline facts.</summary>
    public required RunOutcome Outcome { get; init; }

    /// <summary>Resources and objects still allocated at the end while the image is still loaded (not leaks yet).</summary>
    public required IReadOnlyList<string> Outstanding { get; init; }

    /// <summary>Ids of the fallible steps the run reached, in first-reached order: the candidates for fault injection.</summary>
    public required IReadOnlyList<string> FallibleSteps { get; init; }

    /// <summary>Ids of requested failures that no step reached (misspelt, or behind another failure).</summary>
    public required IReadOnlyList<string> UnreachedFailures { get; init; }

    /// <summary>The trace labels, in order — the <c>trace</c> array of the CLI's JSON.</summary>
    public IReadOnlyList<string> Labels => Trace.Select(e => e.Label).ToArray();

    /// <summary>Labels of callbacks into the driver only (DriverEntry, Evt…, cleanup/destroy, driver routines).</summary>
    public IReadOnlyList<string> CallbackLabels => Trace.Where(e => e.Kind == TraceEventKind.Callback).Select(e => e.Label).ToArray();

    /// <summary>
    /// Names of leaked resources and objects, in allocation order — the <c>leaked</c> array of the CLI's JSON. A WDM
    /// lookaside list left on the system-wide list is leaked too (its finding says what more it risks).
    /// </summary>
    public IReadOnlyList<string> Leaked => Names(FindingKind.Leaked, FindingKind.LookasideLeftOnSystemList);

    /// <summary>Names of resources freed although this run never allocated them (unguarded frees).</summary>
    public IReadOnlyList<string> FreedUnallocated => Names(FindingKind.FreedUnallocated);

    /// <summary>Names of resources freed twice.</summary>
    public IReadOnlyList<string> FreedTwice => Names(FindingKind.FreedTwice);

    /// <summary>Names of resources freed while another device still used them.</summary>
    public IReadOnlyList<string> FreedWhileInUse => Names(FindingKind.FreedWhileInUse);

    /// <summary>Names of resources used after being freed.</summary>
    public IReadOnlyList<string> UsedAfterFree => Names(FindingKind.UsedAfterFree);

    /// <summary>No ledger findings and no diagnostics.</summary>
    public bool IsClean => Findings.Count == 0 && Diagnostics.Count == 0;

    private IReadOnlyList<string> Names(params FindingKind[] kinds) => Findings.Where(f => kinds.Contains(f.Kind)).Select(f => f.Resource).Distinct().ToArray();
}
