using System.Globalization;
using System.Reflection;

namespace DriverNotebooks;

/// <summary>
/// Rows of any type shown as a plain table: one column per public property, one row per item. For a
/// short computed list in a notebook cell, e.g. <c>Table.Of(rows)</c> of anonymous objects.
/// </summary>
public static class Table
{
    public static TableView Of<T>(IEnumerable<T> rows, string? caption = null)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
        var cells = rows.Select(row => properties.Select(p => Text(p.GetValue(row))).ToArray()).ToList();
        return new TableView(caption ?? "", properties.Select(p => p.Name).ToArray(), cells);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>A table made by <see cref="Table.Of"/>.</summary>
public sealed record TableView(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows);
