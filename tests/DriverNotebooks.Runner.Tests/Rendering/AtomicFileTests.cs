using DriverNotebooks.Files;
using DriverNotebooks.Runner.Rendering;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Rendering;

public sealed class AtomicFileTests
{
    [Fact]
    public void Writing_replaces_the_file_and_leaves_no_temporary_file()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("out.html", "old");

        // When
        AtomicFile.WriteAllText(path, "new");

        // Then
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["out.html"], folder.Files());
    }

    [Fact]
    public void A_failure_while_writing_keeps_the_old_file_whole_and_removes_the_temporary_one()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("out.ipynb", "the previous, complete file");

        // When
        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half a fi"u8);
            throw new IOException("disk full");
        }));

        // Then
        Assert.Equal("the previous, complete file", File.ReadAllText(path));
        Assert.Equal(["out.ipynb"], folder.Files());
    }

    [Fact]
    public async Task A_tool_that_fails_to_produce_its_file_leaves_nothing_behind()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.File("out.pdf");

        // When
        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.ProduceAsync(path, async temporary =>
        {
            await File.WriteAllTextAsync(temporary, "%PDF-half");
            throw new InvalidOperationException("printer crashed");
        }));

        // Then
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void The_next_write_removes_temporary_files_a_killed_write_left_and_only_ours()
    {
        // Given: what a write killed mid-way leaves (ours, for this target), and files that merely look alike
        using var folder = new TempFolder();
        var path = folder.Write("out.html", "old");
        var leftover = AtomicFile.TemporaryPathFor(path);
        File.WriteAllText(leftover, "half a fi");
        folder.Write("keep.tmp", "someone else's");
        folder.Write(".out.html.notahexguid.tmp", "not our pattern");
        folder.Write(".other.html." + Guid.NewGuid().ToString("N") + ".tmp", "another target's");

        // When
        AtomicFile.WriteAllText(path, "new");

        // Then
        Assert.False(File.Exists(leftover));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(4, folder.Files().Count);
    }

    [Fact]
    public void A_temporary_file_another_writer_holds_open_is_left_alone()
    {
        // Given: a write in progress in another process, holding its temporary file as AtomicFile does
        using var folder = new TempFolder();
        var path = folder.Write("out.html", "old");
        var inProgress = AtomicFile.TemporaryPathFor(path);
        using var writer = new FileStream(inProgress, FileMode.CreateNew, FileAccess.Write, FileShare.None);

        // When
        AtomicFile.RemoveLeftovers(path);

        // Then
        Assert.True(File.Exists(inProgress));
    }

    [Fact]
    public void The_temporary_file_is_in_the_same_folder_so_the_rename_is_atomic()
    {
        // When
        var temporary = AtomicFile.TemporaryPathFor("/some/folder/name.html");

        // Then
        Assert.Equal("/some/folder", Path.GetDirectoryName(temporary));
        Assert.StartsWith(".name.html.", Path.GetFileName(temporary));
    }
}
