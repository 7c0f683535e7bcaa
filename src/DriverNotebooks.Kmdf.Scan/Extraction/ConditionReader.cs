namespace DriverNotebooks.Kmdf.Scan.Extraction;

/// <summary>What an <c>if</c> condition tests, read from its source text.</summary>
public enum ConditionKind
{
    /// <summary>Not a test the scan understands (a flag, a comparison): treated as a guard.</summary>
    Other,

    /// <summary><c>!NT_SUCCESS(status)</c>, <c>status != STATUS_SUCCESS</c>, <c>status &lt; 0</c>.</summary>
    StatusFailed,

    /// <summary><c>NT_SUCCESS(status)</c>, <c>status == STATUS_SUCCESS</c>.</summary>
    StatusSucceeded,

    /// <summary><c>p == NULL</c>, <c>!p</c>.</summary>
    IsNull,

    /// <summary><c>p != NULL</c>, <c>p</c>.</summary>
    IsNotNull,
}

/// <summary>A condition's kind and the expression it tests.</summary>
public sealed record Condition(ConditionKind Kind, string Subject);

/// <summary>Reads conditions: status tests and NULL tests.</summary>
public static class ConditionReader
{
    private static readonly string[] SuccessNames = ["STATUS_SUCCESS", "NDIS_STATUS_SUCCESS"];

    public static Condition Read(string conditionText)
    {
        var c = StripParens(CallClassifier.Compact(conditionText));
        if (c.StartsWith("!NT_SUCCESS(", StringComparison.Ordinal) && c.EndsWith(')') && Balanced(c[12..^1])) return new(ConditionKind.StatusFailed, c[12..^1]);
        if (c.StartsWith("NT_ERROR(", StringComparison.Ordinal) && c.EndsWith(')') && Balanced(c[9..^1])) return new(ConditionKind.StatusFailed, c[9..^1]);
        if (c.StartsWith("NT_SUCCESS(", StringComparison.Ordinal) && c.EndsWith(')') && Balanced(c[11..^1])) return new(ConditionKind.StatusSucceeded, c[11..^1]);
        if (c.StartsWith("!(NT_SUCCESS(", StringComparison.Ordinal) && c.EndsWith("))") && Balanced(c[13..^2])) return new(ConditionKind.StatusFailed, c[13..^2]);
        if (Split(c, "!=") is var (l1, r1))
        {
            if (Boolean(l1, r1) is var (t1, value1)) return value1 ? Negate(t1) : t1;
            if (SuccessNames.Contains(r1)) return new(ConditionKind.StatusFailed, l1);
            if (SuccessNames.Contains(l1)) return new(ConditionKind.StatusFailed, r1);
            if (r1 is "TRUE" or "true") return new(ConditionKind.IsNull, l1);
            if (IsNull(r1)) return new(ConditionKind.IsNotNull, l1);
            if (IsNull(l1)) return new(ConditionKind.IsNotNull, r1);
        }
        if (Split(c, "==") is var (l2, r2))
        {
            if (Boolean(l2, r2) is var (t2, value2)) return value2 ? t2 : Negate(t2);
            if (SuccessNames.Contains(r2)) return new(ConditionKind.StatusSucceeded, l2);
            if (SuccessNames.Contains(l2)) return new(ConditionKind.StatusSucceeded, r2);
            if (r2 is "TRUE" or "true") return new(ConditionKind.IsNotNull, l2);
            if (IsNull(r2)) return new(ConditionKind.IsNull, l2);
            if (IsNull(l2)) return new(ConditionKind.IsNull, r2);
        }
        if (c.EndsWith("<0", StringComparison.Ordinal) && IsPlainExpression(c[..^2])) return new(ConditionKind.StatusFailed, c[..^2]);
        if (c.StartsWith('!') && IsPlainExpression(c[1..])) return new(ConditionKind.IsNull, c[1..]);
        if (IsPlainExpression(c)) return new(ConditionKind.IsNotNull, c);
        return new(ConditionKind.Other, c);
    }

    /// <summary><c>NT_SUCCESS(s) == TRUE</c>, <c>FALSE == NT_SUCCESS(s)</c>…: the status test and the boolean it is compared with.</summary>
    private static (Condition Test, bool Value)? Boolean(string left, string right)
    {
        foreach (var (test, literal) in new[] { (left, right), (right, left) })
        {
            if (literal is not ("TRUE" or "FALSE" or "true" or "false")) continue;
            var c = Read(test);
            if (c.Kind is ConditionKind.StatusFailed or ConditionKind.StatusSucceeded) return (c, literal is "TRUE" or "true");
        }
        return null;
    }

    private static Condition Negate(Condition c) => c with { Kind = c.Kind == ConditionKind.StatusFailed ? ConditionKind.StatusSucceeded : ConditionKind.StatusFailed };

    /// <summary>
    /// A condition from its tree, for conditions that come from a macro's body: <c>!(x &gt;= 0)</c> (what
    /// <c>!NT_SUCCESS(x)</c> expands to) is a failed test of x, <c>x &gt;= 0</c> a succeeded one.
    /// </summary>
    public static Condition ReadTree(Reading.SyntaxNode condition)
    {
        var node = Strip(condition);
        var negated = false;
        if (node.Kind == Reading.SyntaxKind.UnaryOperator && node.Children.Count == 1)
        {
            negated = true;
            node = Strip(node.Children[0]);
        }
        if (node.Kind == Reading.SyntaxKind.BinaryOperator && node.Spelling == ">=")
        {
            var variable = node.DescendantsAndSelf().FirstOrDefault(n => n.Kind == Reading.SyntaxKind.DeclRefExpr)?.Spelling ?? "";
            return new(negated ? ConditionKind.StatusFailed : ConditionKind.StatusSucceeded, variable);
        }
        return new(ConditionKind.Other, "");
    }

    private static Reading.SyntaxNode Strip(Reading.SyntaxNode node)
    {
        while (node.Kind is Reading.SyntaxKind.ParenExpr or Reading.SyntaxKind.UnexposedExpr && node.Children.Count == 1) node = node.Children[0];
        return node;
    }

    private static bool IsNull(string s) => s is "NULL" or "nullptr" or "0" or "((void*)0)" or "FALSE" or "false";

    /// <summary>The parts of <c>a &amp;&amp; b &amp;&amp; c</c> at the top level (one part when there is no &amp;&amp;, none when there is an ||).</summary>
    public static IReadOnlyList<string> Conjuncts(string conditionText)
    {
        var c = StripParens(CallClassifier.Compact(conditionText));
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < c.Length; i++)
        {
            if (c[i] == '(') depth++;
            else if (c[i] == ')') depth--;
            else if (depth == 0 && i + 1 < c.Length && c[i] == '|' && c[i + 1] == '|') return [];
            else if (depth == 0 && i + 1 < c.Length && c[i] == '&' && c[i + 1] == '&')
            {
                parts.Add(c[start..i]);
                start = i + 2;
                i++;
            }
        }
        parts.Add(c[start..]);
        return parts;
    }

    /// <summary>An lvalue-like expression: identifiers, member accesses and indexes only.</summary>
    private static bool IsPlainExpression(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '.' or '-' or '>' or '[' or ']');

    private static (string Left, string Right)? Split(string c, string op)
    {
        var depth = 0;
        for (var i = 0; i + op.Length <= c.Length; i++)
        {
            if (c[i] == '(') depth++;
            else if (c[i] == ')') depth--;
            else if (depth == 0 && string.CompareOrdinal(c, i, op, 0, op.Length) == 0)
            {
                var left = c[..i];
                var right = c[(i + op.Length)..];
                if (left.Contains("&&") || left.Contains("||") || right.Contains("&&") || right.Contains("||")) return null;
                return (StripParens(left), StripParens(right));
            }
        }
        return null;
    }

    private static string StripParens(string c)
    {
        while (c.Length >= 2 && c[0] == '(' && c[^1] == ')' && Balanced(c[1..^1])) c = c[1..^1];
        return c;
    }

    private static bool Balanced(string s)
    {
        var depth = 0;
        foreach (var ch in s)
        {
            if (ch == '(') depth++;
            else if (ch == ')' && --depth < 0) return false;
        }
        return depth == 0;
    }
}
