namespace DriverNotebooks.Kmdf;

/// <summary>The driver allocates a named resource it must free itself (pool, WDM lookaside list, WPP tracing, handle…).</summary>
/// <remarks>Inside a device's callbacks the name gets that device's instance suffix: <c>ctx</c> becomes <c>ctx#1</c>.</remarks>
public sealed record AllocateStep : FallibleStep
{
    public required string Name { get; init; }
    public ResourceKind Kind { get; init; } = ResourceKind.Pool;
    public override string Display => $"Allocate({Name})";
}

/// <summary>The driver frees a resource it allocated. Freeing something not (yet) allocated is skipped, as a NULL check would.</summary>
public sealed record FreeStep : Step
{
    public required string Name { get; init; }
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
