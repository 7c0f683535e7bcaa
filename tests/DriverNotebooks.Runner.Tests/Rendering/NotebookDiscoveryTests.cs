using DriverNotebooks.Runner.Rendering;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Rendering;

public sealed class NotebookDiscoveryTests
{
    [Fact]
    public void A_folder_gives_its_notebooks_sorted_by_name()
    {
        // Given
        using var folder = new TempFolder();
        folder.Write("b.ipynb", "{}");
        folder.Write("a.dib", "");
        folder.Write("notes.txt", "");
        folder.Write("sub/c.dib", "");

        // When
        var found = NotebookDiscovery.Find([folder.Path]);

        // Then
        Assert.Equal([folder.File("a.dib"), folder.File("b.ipynb")], found);
    }

    [Fact]
    public void An_empty_folder_is_an_error()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<NotebookDiscoveryException>(() => NotebookDiscovery.Find([folder.Path]));
        Assert.Equal($"'{folder.Path}' has no notebooks: expected .dib or .ipynb files directly in it", error.Message);
    }

    [Fact]
    public void A_missing_path_is_an_error()
    {
        var error = Assert.Throws<NotebookDiscoveryException>(() => NotebookDiscovery.Find(["/no/such/notebooks"]));
        Assert.Equal("'/no/such/notebooks' does not exist: expected a .dib or .ipynb file, or a folder of them", error.Message);
    }

    [Fact]
    public void Two_notebooks_with_the_same_name_would_overwrite_each_other()
    {
        // Given
        using var folder = new TempFolder();
        folder.Write("demo.dib", "");
        folder.Write("demo.ipynb", "{}");

        // When
        var error = Assert.Throws<NotebookDiscoveryException>(() => NotebookDiscovery.Find([folder.Path]));

        // Then
        Assert.Contains("would both render to demo.ipynb and demo.html", error.Message);
    }
}
