using DriverNotebooks.Formatting;

namespace DriverNotebooks.Tests.Formatting;

public class ResultCardTests
{
    private static ResultCard Card() => new ResultCard("Endpoint <ep1> & co")
        .Verdict("The bus limits: \"1024 B\" per <interval>.")
        .Number("Name <script>", "a & b")
        .Note("<b>not bold</b>")
        .Table(new ResultTable("Steps <x>", "Step", "Result").Row("<DriverEntry>", "leaks 'gBuffer'"));

    [Fact]
    public void Every_user_supplied_string_is_html_escaped()
    {
        var html = Card().ToHtml();

        Assert.DoesNotContain("<ep1>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>not bold</b>", html);
        Assert.DoesNotContain("<DriverEntry>", html);
        Assert.Contains("Endpoint &lt;ep1&gt; &amp; co", html);
        Assert.Contains("&lt;b&gt;not bold&lt;/b&gt;", html);
    }

    [Fact]
    public void The_text_form_carries_the_same_facts_unescaped()
    {
        var text = Card().ToText();

        Assert.Contains("Endpoint <ep1> & co", text);
        Assert.Contains("The bus limits: \"1024 B\" per <interval>.", text);
        Assert.Contains("Name <script>  a & b", text);
        Assert.Contains("<DriverEntry>", text);
    }

    [Fact]
    public void Table_cells_wrap_between_words_and_break_only_a_token_too_long_for_the_line()
    {
        var html = Card().ToHtml();

        // overflow-wrap:anywhere lets the table shrink columns until words split mid-word (issue 13);
        // break-word only splits a token that cannot fit on a line of its own.
        Assert.Contains(".dn-result th,.dn-result td{", html);
        Assert.Contains("overflow-wrap:break-word;word-break:normal", html);
        Assert.DoesNotContain("overflow-wrap:anywhere", html);
    }

    [Fact]
    public void A_table_row_with_the_wrong_number_of_cells_is_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => new ResultTable("t", "a", "b").Row("only one"));

    [Fact]
    public void A_value_holding_an_identifier_too_long_for_half_a_line_takes_a_line_of_its_own()
    {
        var html = new ResultCard("t").Number("DriverEntry", "STATUS_OBJECT_NAME_NOT_FOUND").Number("Image unloaded", "yes").ToHtml();

        Assert.Contains("<tr class=\"dn-wide\"><th scope=\"row\">DriverEntry</th>", html);
        Assert.Contains("<tr><th scope=\"row\">Image unloaded</th>", html);
    }

    [Fact]
    public void A_name_of_three_hyphenated_parts_is_kept_on_one_line_and_its_text_unchanged()
    {
        var card = new ResultCard("t").Verdict("ks-bda-unload-not-chained: clean; a low-cost step stays breakable.");

        Assert.Contains("<span class=\"dn-name\">ks-bda-unload-not-chained</span>: clean; a low-cost step", card.ToHtml());
        Assert.Contains("ks-bda-unload-not-chained: clean;", card.ToText());
    }

    [Fact]
    public void Beside_a_prose_column_the_short_columns_are_marked_to_stay_on_one_line()
    {
        var detail = new string('x', ResultTable.ShortColumnCharacters + 1);
        var html = new ResultTable("Ledger", "Finding", "Detail").Row("left on the system lookaside list", detail).ToHtml();
        var alone = new ResultTable("Short", "Finding", "Kind").Row("leaked", "Pool").ToHtml();

        Assert.Contains("<td class=\"dn-short\">left on the system lookaside list</td><td>" + detail + "</td>", html);
        Assert.DoesNotContain("dn-short", alone);
    }
}
