namespace DriverNotebooks.Kmdf;

/// <summary>The interrupt request level a routine runs at (only the levels the lifecycle uses).</summary>
public enum Irql
{
    PassiveLevel = 0,
    ApcLevel = 1,
    DispatchLevel = 2,
}

/// <summary>Display helpers for <see cref="Irql"/>.</summary>
public static class IrqlExtensions
{
    /// <summary>The WDK spelling: <c>PASSIVE_LEVEL</c>, <c>APC_LEVEL</c>, <c>DISPATCH_LEVEL</c>.</summary>
    public static string ToWdkName(this Irql irql) => irql switch
    {
        Irql.PassiveLevel => "PASSIVE_LEVEL",
        Irql.ApcLevel => "APC_LEVEL",
        Irql.DispatchLevel => "DISPATCH_LEVEL",
        _ => irql.ToString(),
    };
}
