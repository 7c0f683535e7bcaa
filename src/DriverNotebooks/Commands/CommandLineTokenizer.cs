using System.Text;

namespace DriverNotebooks.Commands;

/// <summary>
/// Splits a magic-command line into words the way a POSIX shell does for the simple cases:
/// whitespace separates words, single quotes keep text literally, double quotes keep spaces and
/// allow <c>\"</c> and <c>\\</c> escapes.
/// </summary>
public static class CommandLineTokenizer
{
    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote == '\'')
            {
                if (c == '\'') quote = null; else word.Append(c);
            }
            else if (quote == '"')
            {
                if (c == '"') quote = null;
                else if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\') word.Append(line[++i]);
                else word.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(word.ToString()); word.Clear(); inWord = false; }
            }
            else
            {
                inWord = true;
                if (c is '"' or '\'') quote = c; else word.Append(c);
            }
        }
        if (quote is not null) throw new CommandLineException($"unclosed {quote} quote in {Phrases.Quote(line)}; close it with a matching {quote}");
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
