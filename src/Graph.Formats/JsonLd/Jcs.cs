using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>
/// JSON Canonicalization Scheme (RFC 8785): members sorted by UTF-16 code units, no whitespace, ECMAScript number
/// form, minimal string escaping. Used for the lexical form of rdf:JSON literals.
/// </summary>
internal static class Jcs
{
    public static string Serialize(JToken token)
    {
        var sb = new StringBuilder();
        // Explicit stack: JSON literal values may be deep.
        var stack = new Stack<object>();
        stack.Push(token);
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            if (item is string raw)
            {
                sb.Append(raw);
                continue;
            }
            var t = (JToken)item;
            switch (t)
            {
                case JObject o:
                {
                    var props = o.Properties().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
                    stack.Push("}");
                    for (var i = props.Count - 1; i >= 0; i--)
                    {
                        stack.Push(props[i].Value);
                        stack.Push(Quote(props[i].Name) + ":");
                        if (i > 0) stack.Push(",");
                    }
                    sb.Append('{');
                    break;
                }
                case JArray a:
                {
                    stack.Push("]");
                    for (var i = a.Count - 1; i >= 0; i--)
                    {
                        stack.Push(a[i]);
                        if (i > 0) stack.Push(",");
                    }
                    sb.Append('[');
                    break;
                }
                default:
                    sb.Append(Scalar(t));
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Scalar(JToken t) => t.Type switch
    {
        JTokenType.Null => "null",
        JTokenType.Boolean => (bool)t ? "true" : "false",
        JTokenType.String => Quote((string)t!),
        JTokenType.Integer => ((JValue)t).Value is System.Numerics.BigInteger big ? Number((double)big) : Number((double)t),
        JTokenType.Float => Number((double)t),
        _ => Quote(t.ToString()),
    };

    /// <summary>ECMAScript Number.prototype.toString for finite doubles.</summary>
    public static string Number(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) throw new JsonLdException("invalid JSON literal", "NaN and Infinity have no JSON form.");
        if (d == 0) return "0";
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = r.StartsWith('-');
        if (negative) r = r[1..];
        // Decompose into digits and a decimal exponent n (value = 0.digits × 10^n).
        var ePos = r.IndexOfAny(['E', 'e']);
        var exp = 0;
        var mantissa = r;
        if (ePos >= 0)
        {
            exp = int.Parse(r[(ePos + 1)..], CultureInfo.InvariantCulture);
            mantissa = r[..ePos];
        }
        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa[..dot] + mantissa[(dot + 1)..];
        var n = (dot < 0 ? mantissa.Length : dot) + exp;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; n--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        var k = digits.Length;
        string s;
        if (k <= n && n <= 21) s = digits + new string('0', n - k);
        else if (0 < n && n <= 21) s = digits[..n] + "." + digits[n..];
        else if (-6 < n && n <= 0) s = "0." + new string('0', -n) + digits;
        else
        {
            var e = n - 1;
            var es = (e >= 0 ? "+" : "-") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
            s = k == 1 ? digits + "e" + es : digits[..1] + "." + digits[1..] + "e" + es;
        }
        return negative ? "-" + s : s;
    }

    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
