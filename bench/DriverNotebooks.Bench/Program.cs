using System.Reflection;
using DriverNotebooks.Bench;

if (args is ["--magic-once", var magicLine]) return MagicCommandBenchmark.RunOnce(magicLine);
if (args is ["--capture-once", var captureFile]) return CaptureBenchmark.RunOnce(captureFile);
if (args is ["--limits-once", var limitsCommand, .. var limitsArguments]) return InputLimitsBenchmark.RunOnce(limitsCommand, limitsArguments);

var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/DriverNotebooks.Bench -- <name>... | all");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-22} {b.Description}");
    return 0;
}

var chosen = args.Contains("all") ? benchmarks : benchmarks.Where(b => args.Contains(b.Name)).ToList();
var unknown = args.Where(a => a != "all" && benchmarks.All(b => b.Name != a)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown benchmark '{unknown[0]}'; known: {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}

Console.WriteLine($"# {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
foreach (var b in chosen)
{
    Console.WriteLine($"## {b.Name}: {b.Description}");
    b.Run(Console.Out);
}
return 0;
