namespace DriverNotebooks.Bench;

/// <summary>A timed harness: one named measurement that prints its own figures.</summary>
/// <remarks>Implementations are discovered by reflection; run one with <c>dotnet run -c Release --project bench/DriverNotebooks.Bench -- NAME</c>.</remarks>
public interface IBenchmark
{
    /// <summary>Short name used on the command line, e.g. <c>usb-sim</c>.</summary>
    string Name { get; }

    /// <summary>What is measured and the target it is held to.</summary>
    string Description { get; }

    /// <summary>Runs the measurement and writes a few lines of results to <paramref name="output"/>.</summary>
    void Run(TextWriter output);
}
