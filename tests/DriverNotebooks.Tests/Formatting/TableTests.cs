using DriverNotebooks.Formatting;

namespace DriverNotebooks.Tests.Formatting;

public class TableTests
{
    [Fact]
    public void A_table_of_anonymous_rows_has_one_column_per_property_in_both_forms()
    {
        var table = Table.Of(new[] { new { N = 1, Budget = "0 s" }, new { N = 4, Budget = "375 µs" } }, "Budgets <per N>");

        var outputs = NotebookFormatters.Format(table);
        var html = outputs.Single(o => o.MimeType == "text/html").Text;
        var text = outputs.Single(o => o.MimeType == "text/plain").Text;
        Assert.Contains("<th>N</th><th>Budget</th>", html);
        Assert.Contains("<td>375 µs</td>", html);
        Assert.Contains("Budgets &lt;per N&gt;", html);
        Assert.Contains("4  375 µs", text);
    }
}
