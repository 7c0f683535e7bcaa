namespace DriverNotebooks.Jupyter.Tests.Support;

/// <summary>The Jupyter clients the kernel's tests drive: skipped when missing, failed under <c>DRIVERNB_REQUIRE_TOOLS=1</c>.</summary>
internal static class RequiredTools
{
    public const string Python = ToolRequirement.DebianPython;

    private static readonly Lazy<bool> KernelTestAvailable = new(() => ToolRequirement.PythonImports("jupyter_kernel_test"));
    private static readonly Lazy<bool> NbconvertAvailable = new(() => ToolRequirement.PythonImports("nbconvert", "nbclient"));

    /// <summary>Debian's Python with the kernel conformance suite.</summary>
    public static string PythonWithKernelTest() =>
        KernelTestAvailable.Value ? Python : ToolRequirement.Missing<string>($"the Jupyter kernel conformance suite for {Python}; Debian: apt-get install python3-jupyter-kernel-test");

    /// <summary>Debian's Python with nbconvert and nbclient.</summary>
    public static string PythonWithNbconvert() =>
        NbconvertAvailable.Value ? Python : ToolRequirement.Missing<string>($"nbconvert and nbclient for {Python}; Debian: apt-get install jupyter-nbconvert python3-nbclient");

    private static readonly Lazy<bool> ClassicNotebookAvailable = new(() => ToolRequirement.PythonImports("notebook.notebookapp"));

    /// <summary>Debian's Python with Jupyter Notebook's classic front end (6.x: <c>notebook.notebookapp</c>).</summary>
    public static string PythonWithClassicNotebook() =>
        ClassicNotebookAvailable.Value ? Python : ToolRequirement.Missing<string>($"Jupyter Notebook 6 (classic) for {Python}; Debian: apt-get install jupyter-notebook");

    /// <summary>Headless Chromium for the browser tests.</summary>
    public static string Chromium() =>
        DriverNotebooks.Runner.Handouts.Chromium.Find() ?? ToolRequirement.Missing<string>("Chromium; Debian: apt-get install chromium");

    /// <summary><c>dotnet drivernb.dll ARGS</c>, the drivernb built beside the tests.</summary>
    public static ExternalProcess.Result Drivernb(params string[] arguments) =>
        ExternalProcess.Run(Repository.Dotnet, [Repository.DrivernbDll, .. arguments]);
}
