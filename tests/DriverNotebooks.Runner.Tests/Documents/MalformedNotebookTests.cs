using DriverNotebooks.Runner.Documents;

namespace DriverNotebooks.Runner.Tests.Documents;

/// <summary>A malformed file gives one line naming the file, the position and what was expected.</summary>
public sealed class MalformedNotebookTests
{
    private static NotebookFormatException Read(string text, string path) =>
        Assert.Throws<NotebookFormatException>(() => NotebookReader.Parse(text, path));

    [Fact]
    public void A_json_syntax_error_names_the_file_line_and_column()
    {
        // Given: the comma after "markdown" is missing on line 3
        const string ipynb = "{\n \"cells\": [\n  {\"cell_type\": \"markdown\" \"source\": \"x\"}\n ]\n}\n";

        // When
        var error = Read(ipynb, "notebooks/broken.ipynb");

        // Then
        Assert.StartsWith("notebooks/broken.ipynb:3:28: invalid JSON: ", error.Message);
        Assert.Contains("expected", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_lone_surrogate_escape_is_invalid_json_at_its_position_not_a_crash()
    {
        // Given: "\ud800" parses as JSON but decodes to no text
        const string ipynb = "{\n \"cells\": [],\n \"metadata\": {\"title\": \"\\ud800\"}\n}";

        // When
        var error = Read(ipynb, "surrogate.ipynb");

        // Then
        Assert.StartsWith("surrogate.ipynb:3:24: invalid JSON: a string holds an escaped lone surrogate", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        // Given: two-byte characters before the error on line 2
        const string ipynb = "{\n \"é\": \"ü\" x\n}";

        // When
        var error = Read(ipynb, "accents.ipynb");

        // Then
        Assert.StartsWith("accents.ipynb:2:11: ", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_reported_where_it_ends()
    {
        // When
        var error = Read("{\n \"cells\": [\n", "truncated.ipynb");

        // Then
        Assert.StartsWith("truncated.ipynb:3:", error.Message);
    }

    [Fact]
    public void A_structural_error_names_the_json_path_and_what_was_expected()
    {
        // Given
        const string ipynb = """
            {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "ok"},
                       {"cell_type": "code", "metadata": {}, "source": 42, "outputs": []}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;

        // When
        var error = Read(ipynb, "shape.ipynb");

        // Then
        Assert.Equal("shape.ipynb: cells[1].source: expected a string or an array of strings, found the number 42", error.Message);
    }

    [Fact]
    public void An_unknown_cell_type_is_named()
    {
        // When
        var error = Read("""{"cells": [{"cell_type": "cod", "source": ""}], "nbformat": 4, "nbformat_minor": 5}""", "type.ipynb");

        // Then
        Assert.Equal("type.ipynb: cells[0].cell_type: expected \"code\", \"markdown\" or \"raw\", found the string 'cod'", error.Message);
    }

    [Fact]
    public void A_notebook_in_another_nbformat_version_is_refused()
    {
        // When
        var error = Read("""{"worksheets": [], "nbformat": 3, "nbformat_minor": 0}""", "old.ipynb");

        // Then
        Assert.StartsWith("old.ipynb: nbformat: expected 4, found 3", error.Message);
    }

    [Fact]
    public void A_json_array_is_not_a_notebook()
    {
        // When
        var error = Read("[]", "array.ipynb");

        // Then
        Assert.Equal("array.ipynb: $: expected a JSON object (an nbformat 4 notebook), found an array", error.Message);
    }

    [Fact]
    public void Bad_json_in_a_dib_meta_cell_is_reported_at_its_line_in_the_file()
    {
        // Given: the metadata JSON on line 3 lacks a closing brace
        const string dib = "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\"}\n\n#!csharp\n\n1\n";

        // When
        var error = Read(dib, "meta.dib");

        // Then
        Assert.StartsWith("meta.dib:3:", error.Message);
        Assert.Contains("invalid JSON", error.Message);
    }

    [Fact]
    public void A_dib_meta_cell_of_the_wrong_shape_names_its_line_and_path()
    {
        // Given
        const string dib = "#!meta\n\n{\"kernelInfo\":{\"items\":[{\"name\":7}]}}\n\n#!csharp\n\n1\n";

        // When
        var error = Read(dib, "shape.dib");

        // Then
        Assert.Equal("shape.dib:3:1: #!meta kernelInfo.items[0].name: expected a string, found the number 7", error.Message);
    }

    [Fact]
    public void A_dib_that_is_not_utf8_is_reported_at_the_first_bad_byte()
    {
        // Given: a Latin-1 "é" (0xE9) on line 2, after "x = "
        var bytes = "#!csharp\nx = \u00e9;\n"u8.ToArray().Where(b => b is not 0xC3 and not 0xA9).ToList();
        bytes.Insert(13, 0xE9);
        var path = Path.Combine(Path.GetTempPath(), $"latin1-{Guid.NewGuid():N}.dib");
        File.WriteAllBytes(path, [.. bytes]);

        try
        {
            // When
            var error = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(path));

            // Then
            Assert.Equal($"{path}:2:5: this is not UTF-8 text; notebooks are UTF-8", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_second_meta_cell_in_a_dib_is_refused()
    {
        // When
        var error = Read("#!meta\n\n{}\n\n#!meta\n\n{}\n", "twice.dib");

        // Then
        Assert.Equal("twice.dib:5:1: a second #!meta cell; expected one per notebook", error.Message);
    }
}
