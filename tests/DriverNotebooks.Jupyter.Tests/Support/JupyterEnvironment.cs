namespace DriverNotebooks.Jupyter.Tests.Support;

/// <summary>
/// A private Jupyter setup for Python clients: the kernelspec installed by the drivernb under test
/// (<c>drivernb kernel install --prefix</c>), found through <c>JUPYTER_PATH</c>, with runtime files
/// (connection files) in the same temporary folder rather than the user's.
/// </summary>
internal sealed class JupyterEnvironment : IDisposable
{
    public const string KernelName = "drivernb-under-test";

    private readonly TempFolder _folder = new();

    public JupyterEnvironment()
    {
        var install = RequiredTools.Drivernb("kernel", "install", "--prefix", _folder.Path, "--name", KernelName);
        Assert.True(install.ExitCode == 0, $"drivernb kernel install failed: {install}");
        Variables = new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = Path.Combine(_folder.Path, "share", "jupyter"),
            ["JUPYTER_RUNTIME_DIR"] = _folder.File("runtime"),
            ["JUPYTER_DATA_DIR"] = _folder.File("data"),
            ["JUPYTER_CONFIG_DIR"] = _folder.File("config"),
            ["JUPYTER_PLATFORM_DIRS"] = "1",
            ["DRIVERNB_KERNEL_NAME"] = KernelName,
            ["PYTHONDONTWRITEBYTECODE"] = "1",
        };
    }

    /// <summary>The environment variables the Python client runs with.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    public string Folder => _folder.Path;

    public void Dispose() => _folder.Dispose();
}
