namespace DriverNotebooks.Runner.Tests.Support;

/// <summary>Jupyter's own validator, run on a file.</summary>
internal static class Nbformat
{
    private const string Script = "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))";

    /// <summary>Fails the test with the validator's message when the file is not a valid notebook.</summary>
    public static void AssertValid(string path)
    {
        var python = RequiredTools.Nbformat();
        var (exitCode, output, error) = ExternalProcess.Run(python, ["-c", Script, path]);
        Assert.True(exitCode == 0, $"nbformat rejected {path}:\n{output}\n{error}");
    }
}
