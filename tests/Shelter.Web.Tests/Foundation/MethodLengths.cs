using System.Text.RegularExpressions;

namespace Shelter.Web.Tests.Foundation;

/// <summary>
/// Finds each method's lines with a plain brace count, after blanking comments, strings (raw,
/// verbatim and interpolated, holes included) and characters, so a brace inside text never counts.
/// Not a parser: enough for the code the house writes.
/// </summary>
internal static partial class MethodLengths
{
    /// <summary>A declaration with at least one modifier, its name just before the parameters.</summary>
    [GeneratedRegex("""^\s*(?:(?:public|private|protected|internal|static|async|override|virtual|sealed|abstract|extern|unsafe|new"""
        + """|partial|readonly)\s+)+(?<type>[\w<>\[\],.?()\s]*?)\b(?<name>\w+)\s*(?:<[^()]*>)?\s*\(""")]
    private static partial Regex Declaration();

    /// <summary>A type's declaration (a record or class with a primary constructor looks like a method).</summary>
    [GeneratedRegex(@"\b(?:class|record|struct|interface|delegate|event)\b")]
    private static partial Regex TypeKeyword();

    /// <summary>Each method with a block body: the line its signature starts on, its name, and its lines to the closing brace.</summary>
    public static IEnumerable<(int Line, string Name, int Lines)> Methods(string source)
    {
        var code = CodeOnly(source);
        var lineStarts = new List<int> { 0 };
        for (var k = 0; k < code.Length; k++) if (code[k] == '\n') lineStarts.Add(k + 1);

        var line = 0;
        while (line < lineStarts.Count)
        {
            var start = lineStarts[line];
            var end = line + 1 < lineStarts.Count ? lineStarts[line + 1] : code.Length;
            var m = Declaration().Match(code[start..end]);
            var open = m.Success && !TypeKeyword().IsMatch(m.Groups["type"].Value) ? BodyStart(code, start + m.Length - 1) : -1;
            if (open < 0)
            {
                line++;
                continue;
            }
            var last = LineOf(lineStarts, MatchingBrace(code, open));
            yield return (line + 1, m.Groups["name"].Value, last - line);
            line = last; // a local function inside is part of this method
        }
    }

    private static int LineOf(List<int> lineStarts, int at)
    {
        var found = lineStarts.BinarySearch(at);
        return found >= 0 ? found + 1 : ~found;
    }

    /// <summary>From the parameters' opening parenthesis: the body's brace, or -1 for "=>" or ";" (no block body).</summary>
    private static int BodyStart(string code, int paren)
    {
        var depth = 0;
        for (var k = paren; k < code.Length; k++)
        {
            var c = code[k];
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (depth == 0 && c == '{') return k;
            else if (depth == 0 && (c == ';' || (c == '=' && At(code, k + 1) == '>'))) return -1;
        }
        return -1;
    }

    private static int MatchingBrace(string code, int open)
    {
        var depth = 0;
        for (var k = open; k < code.Length; k++)
        {
            if (code[k] == '{') depth++;
            else if (code[k] == '}' && --depth == 0) return k;
        }
        return code.Length - 1;
    }

    /// <summary>The source with comments and the insides of strings and characters blanked, lines kept.</summary>
    public static string CodeOnly(string source)
    {
        var text = source.ToCharArray();
        var i = 0;
        Code(source, text, ref i, inHole: false);
        return new string(text);
    }

    private static void Blank(char[] text, int from, int to)
    {
        for (var k = from; k < to && k < text.Length; k++)
            if (text[k] != '\n') text[k] = ' ';
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    /// <summary>Code to the end, or inside an interpolation hole to its closing brace.</summary>
    private static void Code(string s, char[] text, ref int i, bool inHole)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && At(s, i + 1) is '/' or '*')
            {
                var end = At(s, i + 1) == '/' ? s.IndexOf('\n', i) : s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? s.Length : At(s, i + 1) == '/' ? end : end + 2;
                Blank(text, i, end);
                i = end;
            }
            else if (c == '\'')
            {
                var end = i + 1;
                while (end < s.Length && s[end] != '\'' && s[end] != '\n') end += s[end] == '\\' ? 2 : 1;
                Blank(text, i + 1, end);
                i = end + 1;
            }
            else if (c is '"' or '$' or '@' && QuoteAt(s, i) is int quote) i = SkipString(s, text, i, quote);
            else if (inHole && c == '{') { depth++; i++; }
            else if (inHole && c == '}' && depth == 0) return;
            else if (inHole && c == '}') { depth--; i++; }
            else i++;
        }
    }

    /// <summary>Where the opening quote is when a string starts at i (any $ and @ before it), else null.</summary>
    private static int? QuoteAt(string s, int i)
    {
        var k = i;
        while (k < s.Length && s[k] is '$' or '@') k++;
        return At(s, k) == '"' ? k : null;
    }

    /// <summary>Blanks one string literal starting at i; returns the index after it.</summary>
    private static int SkipString(string s, char[] text, int i, int quote)
    {
        var interpolated = s[i..quote].Contains('$');
        var verbatim = s[i..quote].Contains('@');
        var quotes = 0;
        while (At(s, quote + quotes) == '"') quotes++;
        if (!verbatim && quotes >= 3)
        {
            // A raw string ends at as many quotes as opened it; its holes are blanked with it.
            var close = s.IndexOf(new string('"', quotes), quote + quotes, StringComparison.Ordinal);
            close = close < 0 ? s.Length : close;
            Blank(text, quote + quotes, close);
            return close + quotes;
        }
        var k = quote + 1;
        while (k < s.Length)
        {
            var c = s[k];
            var escaped = (!verbatim && c == '\\') || (verbatim && c == '"' && At(s, k + 1) == '"')
                || (interpolated && c == '{' && At(s, k + 1) == '{');
            if (escaped)
            {
                Blank(text, k, k + 2);
                k += 2;
            }
            else if (c == '"') return k + 1;
            else if (interpolated && c == '{')
            {
                text[k++] = ' ';
                Code(s, text, ref k, inHole: true);
                Blank(text, k, k + 1);
                k++;
            }
            else if (!verbatim && c == '\n') return k; // not a string after all: stop at the line's end
            else
            {
                Blank(text, k, k + 1);
                k++;
            }
        }
        return k;
    }
}
