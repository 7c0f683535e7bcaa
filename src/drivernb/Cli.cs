using System.Reflection;
using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli;

/// <summary>
/// The <c>drivernb</c> entry point: finds the verb by its words, parses the rest with the shared
/// <see cref="CommandLineParser"/>, and turns user mistakes into one line on stderr with exit code 2.
/// </summary>
internal static class Cli
{
    public static IReadOnlyList<ICliVerb> Verbs { get; } =
    [
        .. NotebookCommandCatalog.All.Select(c => (ICliVerb)new NotebookCommandVerb(c)),
        new RenderVerb(),
        new KernelVerb(),
        new KernelInstallVerb(),
        new PolyglotInstallVerb(),
        new PolyglotUninstallVerb(),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "-?" or "help")
        {
            context.Out.Write(Overview());
            return args.Count == 0 ? CommandLineException.ExitCode : 0;
        }
        if (args[0] is "--version")
        {
            context.Out.WriteLine(Version);
            return 0;
        }

        var verb = Verbs
            .Where(v => v.Definition.CliPath.Count <= args.Count && v.Definition.CliPath.SequenceEqual(args.Take(v.Definition.CliPath.Count)))
            .MaxBy(v => v.Definition.CliPath.Count);
        if (verb is null)
        {
            context.Error.WriteLine($"drivernb: unknown command {Phrases.Quote(args[0])}; known: {string.Join(", ", Verbs.Select(v => string.Join(' ', v.Definition.CliPath)))}; see drivernb --help");
            return CommandLineException.ExitCode;
        }

        try
        {
            var parsed = CommandLineParser.Parse(verb.Definition, args.Skip(verb.Definition.CliPath.Count).ToList());
            if (parsed.HelpRequested)
            {
                context.Out.Write(HelpText.Render(verb.Definition, asMagicCommand: false));
                return 0;
            }
            return await verb.RunAsync(parsed.Arguments!, context);
        }
        catch (CommandLineException e)
        {
            context.Error.WriteLine($"{verb.Definition.CliName}: {e.Message}");
            return CommandLineException.ExitCode;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine($"{verb.Definition.CliName}: cancelled");
            return 130;
        }
    }

    public static string Version =>
        typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static string Overview()
    {
        var width = Verbs.Max(v => string.Join(' ', v.Definition.CliPath).Length);
        var lines = Verbs.Select(v => $"  {string.Join(' ', v.Definition.CliPath).PadRight(width)} {v.Definition.Description}");
        return $"drivernb {Version}: KMDF lifecycle and USB throughput simulations, notebook runner and Jupyter kernel.{Environment.NewLine}{Environment.NewLine}" +
               $"Usage: drivernb <command> [options]{Environment.NewLine}{Environment.NewLine}Commands:{Environment.NewLine}" +
               string.Join(Environment.NewLine, lines) + Environment.NewLine + Environment.NewLine +
               "Run 'drivernb <command> --help' for a command's options and examples." + Environment.NewLine;
    }
}
