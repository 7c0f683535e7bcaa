using System.Reflection;
using DriverNotebooks.Commands;
using DriverNotebooks.Jupyter;

namespace DriverNotebooks.Cli;

/// <summary>
/// <c>drivernb kernel install [--user | --prefix DIR] [--name NAME] [--display-name TEXT]</c>: writes the
/// kernelspec that starts this drivernb as a Jupyter kernel, and says where it went and how to pick it.
/// </summary>
internal sealed class KernelInstallVerb : ICliVerb
{
    public static readonly OptionDefinition User = new("--user", "Install for the current user (the default): where VS Code and Jupyter look without any setup.")
    {
        IsFlag = true,
        ValueName = "",
    };

    public static readonly OptionDefinition Prefix = new("--prefix", "Install into DIR/share/jupyter/kernels instead, e.g. a virtual environment or a test folder.")
    {
        ValueName = "DIR",
    };

    public static readonly OptionDefinition Name = new("--name", "The kernelspec's name; notebooks written by drivernb render ask for 'drivernb'.")
    {
        ValueName = "NAME",
        DefaultValue = KernelDescription.DefaultKernelName,
    };

    public static readonly OptionDefinition DisplayName = new("--display-name", "The name kernel pickers show.")
    {
        ValueName = "TEXT",
        DefaultValue = KernelDescription.DisplayName,
    };

    public CommandDefinition Definition { get; } = new()
    {
        Name = "kernel-install",
        CliPath = ["kernel", "install"],
        Description = "Register drivernb as the Jupyter kernel \"C# (DriverNotebooks)\" for VS Code, nbconvert, nbclient and papermill.",
        Options = [User, Prefix, Name, DisplayName],
        Examples = ["--user", "--prefix /tmp/jupyter --name drivernb-dev --display-name \"C# (DriverNotebooks, dev)\""],
    };

    public Task<int> RunAsync(CommandArguments arguments, CliContext context)
    {
        if (arguments.Has(User) && arguments.Has(Prefix)) throw new CommandLineException("give --user or --prefix, not both");
        var name = arguments.Value(Name)!;
        if (!KernelSpecInstaller.IsValidName(name))
            throw arguments.BadValue(Name, name, "use letters, digits, '.', '_' and '-' (Jupyter's rule for kernel names)");
        var displayName = arguments.Value(DisplayName)!;
        if (string.IsNullOrWhiteSpace(displayName)) throw arguments.BadValue(DisplayName, displayName, "give the name to show in kernel pickers");

        var prefix = arguments.Value(Prefix);
        if (prefix is not null && string.IsNullOrWhiteSpace(prefix))
            throw arguments.BadValue(Prefix, prefix, "empty; allowed: a folder path, e.g. a virtual environment (kernels go into DIR/share/jupyter/kernels)");
        if (prefix is not null) arguments.Convert(Prefix, Path.GetFullPath);
        var kernels = prefix is null ? KernelSpecInstaller.UserKernelsDirectory() : KernelSpecInstaller.PrefixKernelsDirectory(prefix);
        var launcher = KernelLauncher.For(Environment.ProcessPath ?? "drivernb", Assembly.GetEntryAssembly()?.Location);
        var spec = KernelSpec.For(launcher) with { DisplayName = displayName };

        string folder;
        try
        {
            folder = KernelSpecInstaller.Install(kernels, name, spec);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"cannot write the kernelspec into {Path.Combine(kernels, name)}: {e.Message}");
        }

        context.Out.WriteLine($"Installed kernelspec '{name}' in {folder}");
        context.Out.WriteLine($"  it starts: {string.Join(' ', spec.Argv.Select(Quote))}");
        if (prefix is not null)
        {
            context.Out.WriteLine($"  Jupyter finds it when {Path.GetDirectoryName(kernels)} is on its path: export JUPYTER_PATH={Path.GetDirectoryName(kernels)}");
        }
        context.Out.WriteLine($"Select \"{displayName}\": in VS Code (with the Jupyter extension), open a notebook, click Select Kernel and choose Jupyter Kernel... > {displayName};");
        context.Out.WriteLine($"  from the command line: jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name={name} NOTEBOOK.ipynb");
        return Task.FromResult(0);
    }

    private static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument;
}
