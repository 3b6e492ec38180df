using Graph.Rdf;
using Graph.Sparql.Functions;
using Graph.Sparql.Results;
using Graph.TestSupport;

namespace Graph.Sparql.Tests.Functions;

/// <summary>
/// The SPARQL 1.2 base-direction tests (sparql12/lang-basedir): each query's expressions are called directly, and
/// the values are compared with the W3C expected results. An error leaves the variable unbound, as in a SELECT.
/// </summary>
[TestClass]
public sealed class W3CLangDirFunctionTests
{
    private static LiteralNode Dir(string v, string lang, string dir) => LiteralNode.LangString(v, lang, dir);

    private static INode? Try(Func<INode> f)
    {
        try { return f(); }
        catch (ExpressionError) { return null; }
    }

    private static void Check(string file, string[] vars, params Func<INode>[] exprs)
    {
        var expected = JsonResultsReader.ReadFile(SharedPaths.InShared("w3c", "sparql12", "lang-basedir", file));
        var actual = new SparqlResultSet(vars, [exprs.Select(Try).ToArray()]);
        Assert.IsNull(ResultSetComparer.Difference(expected, actual, ordered: true));
    }

    [TestMethod]
    public void Concat() => Check("concat.srj", ["r1", "r2", "r3", "r4", "r5", "r6", "r7"],
        () => T.Call("CONCAT", Dir("a", "en", "ltr"), Dir("b", "en", "ltr")),
        () => T.Call("CONCAT", Dir("a", "en", "ltr"), Dir("b", "en", "rtl")),
        () => T.Call("CONCAT", Dir("a", "en", "ltr"), T.Lang("b", "en")),
        () => T.Call("CONCAT", T.Lang("a", "en"), Dir("b", "en", "ltr")),
        () => T.Call("CONCAT", Dir("a", "en", "ltr"), Dir("b", "en", "ltr"), Dir("c", "en", "ltr")),
        () => T.Call("CONCAT", Dir("a", "en", "ltr"), T.Str("b"), Dir("c", "en", "ltr")),
        () => T.Call("CONCAT", T.Lang("a", "en"), T.Str("b"), Dir("c", "en", "ltr")));

    [TestMethod]
    public void StrLang() => Check("strlang.srj", ["term1", "term2", "term3", "term4"],
        () => T.Call("STRLANG", T.Str("abc"), T.Str("en")),
        () => T.Call("STRLANG", T.Str("abc"), T.Str("")),
        () => T.Call("STRLANG", T.Int(123), T.Str("en")),
        () => T.Call("STRLANG", T.Iri("http://example/x"), T.Str("en")));

    [TestMethod]
    public void StrLangDir() => Check("strlangdir.srj", ["term1", "term2", "term3", "term4", "term5", "term6", "term7", "term8"],
        () => T.Call("STRLANGDIR", T.Str("abc"), T.Str("en"), T.Str("ltr")),
        () => T.Call("STRLANGDIR", T.Str("abc"), T.Str("en"), T.Str("LTR")),
        () => T.Call("STRLANGDIR", T.Str("abc"), T.Str("en"), T.Str("")),
        () => T.Call("STRLANGDIR", T.Str("قطة"), T.Str("ar"), T.Str("rtl")),
        () => T.Call("STRLANGDIR", T.Str("abc"), T.Str("en"), T.Str("")),
        () => T.Call("STRLANGDIR", T.Str("abc"), T.Str(""), T.Str("ltr")),
        () => T.Call("STRLANGDIR", T.Int(123), T.Str(""), T.Str("ltr")),
        () => T.Call("STRLANGDIR", T.Iri("http://example/x"), T.Str("en"), T.Str("ltr")));

    [TestMethod]
    public void Datatype() => Check("datatype.srj", ["dt"], () => T.Call("DATATYPE", Dir("foo", "en", "ltr")));

    [TestMethod]
    public void Contains()
    {
        var expected = JsonResultsReader.ReadFile(SharedPaths.InShared("w3c", "sparql12", "lang-basedir", "contains.srj"));
        var b = Operators.EffectiveBooleanValue(T.Call("CONTAINS", Dir("abc", "en", "ltr"), Dir("b", "en", "ltr")))
                && Operators.EffectiveBooleanValue(T.Call("CONTAINS", Dir("abc", "en", "ltr"), T.Str("b")));
        Assert.AreEqual(expected.Boolean, b);
    }

    /// <summary>data-lang.ttl, by hand: the objects of :x1 … :x5.</summary>
    private static readonly (string Subject, INode Object)[] Data =
    [
        ("http://example/x1", T.Lang("abc", "en")),
        ("http://example/x2", Dir("abc", "en", "ltr")),
        ("http://example/x3", Dir("تصميم المواقع", "ar", "rtl")),
        ("http://example/x4", T.Int(1)),
        ("http://example/x5", T.Iri("http://example/")),
    ];

    [TestMethod]
    [DataRow("lang.srj", "LANG", "lang")]
    [DataRow("langdir.srj", "LANGDIR", "langdir")]
    [DataRow("haslang.srj", "HASLANG", "hasLang")]
    [DataRow("haslangdir.srj", "HASLANGDIR", "hasLangDir")]
    public void FunctionsOverTheData(string file, string function, string variable)
    {
        var expected = JsonResultsReader.ReadFile(SharedPaths.InShared("w3c", "sparql12", "lang-basedir", file));
        var rows = Data.Select(d => new INode?[] { T.Iri(d.Subject), Try(() => T.Call(function, d.Object)) }).ToList();
        Assert.IsNull(ResultSetComparer.Difference(expected, new SparqlResultSet(["x", variable], rows), ordered: true));
    }
}
