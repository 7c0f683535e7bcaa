namespace DriverNotebooks.Kmdf;

/// <summary>The driver allocates a named resource it must free itself (pool, WDM lookaside list, WPP tracing, handle…).</summary>
/// <remarks>Inside a device's callbacks the name gets that device's instance suffix: <c>ctx</c> becomes <c>ctx#1</c>.</remarks>
public sealed record AllocateStep : FallibleStep
{
    public required string Name { get; init; }
    public ResourceKind Kind { get; init; } = ResourceKind.Pool;
    public override string Display => $"Allocate({Name})";
}

/// <summary>The driver frees a resource it allocated.</summary>
/// <remarks>
/// An unguarded free is the call as written (<c>ExFreePool(gBuffer);</c>): freeing something this run never allocated
/// passes a NULL or uninitialized value, a finding (<see cref="FindingKind.FreedUnallocated"/>). A guarded free checks
/// first and clears after (<c>if (gBuffer != NULL) { ExFreePool(gBuffer); gBuffer = NULL; }</c>, or an initialized
/// flag): it skips what is not allocated at that moment, so neither a partial DriverEntry nor a second free is a finding.
/// </remarks>
public sealed record FreeStep : Step
{
    public required string Name { get; init; }

    /// <summary>Whether the driver checks (NULL pointer or initialized flag) before freeing and clears after.</summary>
    public bool Guarded { get; init; }

    public override string Display => $"Free({Name})";
}

/// <summary>The driver uses a resource or framework object (e.g. allocates from a shared lookaside list).</summary>
/// <remarks>In a device's callbacks the device keeps using it until <see cref="EndUseStep"/> or until the device is deleted.</remarks>
public sealed record UseStep : Step
{
    public required string Name { get; init; }
    public override string Display => $"Use({Name})";
}

/// <summary>The device stops using a resource (e.g. returns its entries to the lookaside list).</summary>
public sealed record EndUseStep : Step
{
    public required string Name { get; init; }
    public override string Display => $"EndUse({Name})";
}

/// <summary>A call to some routine that returns an NTSTATUS and touches nothing the simulator tracks (reading the registry, IoCreateSymbolicLink…).</summary>
public sealed record CallStep : FallibleStep
{
    public required string Name { get; init; }
    public override string Display => $"Call({Name})";
}
