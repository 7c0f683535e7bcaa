using DriverNotebooks.Commands;
using DriverNotebooks.Runner.Documents;

namespace DriverNotebooks.Jupyter;

/// <summary>What the kernel says about itself in <c>kernel_info_reply</c>, and its name and language for kernelspecs.</summary>
internal static class KernelDescription
{
    public const string Implementation = "drivernb";

    /// <summary>The kernelspec name notebooks written by <c>drivernb render</c> ask for.</summary>
    public static string DefaultKernelName => (string)IpynbWriter.KernelSpec()["name"]!;

    public static string DisplayName => (string)IpynbWriter.KernelSpec()["display_name"]!;

    public static string Language => (string)IpynbWriter.KernelSpec()["language"]!;

    /// <summary>C# as the runner's notebooks describe it (<c>language_info</c>), with the version cells are compiled at.</summary>
    public static LanguageInfo LanguageInfo()
    {
        var info = IpynbWriter.LanguageInfo();
        return new LanguageInfo(
            Name: (string)info["name"]!,
            Version: CSharpVersion,
            Mimetype: (string)info["mimetype"]!,
            FileExtension: (string)info["file_extension"]!,
            PygmentsLexer: (string)info["pygments_lexer"]!,
            CodemirrorMode: "text/x-csharp");
    }

    public static KernelInfoReply KernelInfo(string version) => new()
    {
        Implementation = Implementation,
        ImplementationVersion = version,
        LanguageInfo = LanguageInfo(),
        Banner = $"DriverNotebooks C# kernel {version} on .NET {Environment.Version}: C# cells, display(...), offline charts and the magic commands "
            + string.Join(", ", MagicCommands.All.Select(c => c.Definition.MagicName)) + " (add --help to one for its options).",
        HelpLinks =
        [
            new HelpLink("C# documentation", "https://learn.microsoft.com/dotnet/csharp/"),
            new HelpLink("KMDF driver lifecycle", "https://learn.microsoft.com/windows-hardware/drivers/wdf/"),
            new HelpLink("Jupyter messaging protocol", "https://jupyter-client.readthedocs.io/en/stable/messaging.html"),
        ],
    };

    /// <summary>
    /// The C# version cells compile at: the newest the bundled compiler knows (cells use <c>LanguageVersion.Latest</c>).
    /// Kept as text so kernel_info does not wait for the compiler to load.
    /// </summary>
    public const string CSharpVersion = "15.0";
}
