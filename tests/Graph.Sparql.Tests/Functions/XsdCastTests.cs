using Graph.Rdf;
using Graph.Sparql.Functions;

namespace Graph.Sparql.Tests.Functions;

/// <summary>
/// The §17.5 cast table, with expectations transcribed from the W3C cast tests (sparql11/cast/*.srx) and the
/// XPath casting rules. A null expectation means the cast is an error.
/// </summary>
[TestClass]
public sealed class XsdCastTests
{
    private const string X = Vocab.Xsd.Ns;

    private static void Check(string source, string target, string? expected)
    {
        var input = Nt.Term(source);
        if (expected is null)
        {
            Assert.ThrowsExactly<ExpressionError>(() => Builtins.Call(X + target, [input], T.Ctx()), source + " as " + target);
            return;
        }
        var result = (LiteralNode)Builtins.Call(X + target, [input], T.Ctx());
        var want = (LiteralNode)Nt.Term(expected);
        Assert.AreEqual(want.Datatype, result.Datatype, source + " as " + target);
        Assert.IsTrue(Operators.ValueEquals(want, result), $"{source} as {target}: expected {want}, got {result}");
    }

    [TestMethod]
    [DataRow("<http://example.org/z>", null)]
    [DataRow("\"string\"", null)]
    [DataRow("\"-10.2E3\"", null)]
    [DataRow("\"+33.3300\"", null)]
    [DataRow("\"0.0\"", null)]
    [DataRow("\"0\"", "0")]
    [DataRow("\"0E1\"", null)]
    [DataRow("\"13\"", "13")]
    [DataRow("\"2002-10-10T17:00:00Z\"", null)]
    [DataRow("\"true\"", null)]
    [DataRow("true", "1")]
    [DataRow("\"0\"^^<xsd:boolean>", "0")]
    [DataRow("-1.0", "-1")]
    [DataRow("\"1E0\"^^<xsd:float>", "1")]
    [DataRow("\"-7.875\"^^<xsd:float>", "-7")]
    [DataRow("2.5", "2")]
    [DataRow("-2.5", "-2")]
    public void ToInteger(string source, string? expected) => Check(source, "integer", expected);

    [TestMethod]
    [DataRow("\"string\"", null)]
    [DataRow("\"-10.2E3\"", null)]
    [DataRow("\"+33.3300\"", "33.33")]
    [DataRow("\"0\"", "0.0")]
    [DataRow("\"0E1\"", null)]
    [DataRow("\"1\"", "1.0")]
    [DataRow("true", "1.0")]
    [DataRow("false", "0.0")]
    [DataRow("1", "1.0")]
    [DataRow("\"1.25\"^^<xsd:float>", "1.25")]
    [DataRow("\"-7.875\"^^<xsd:float>", "-7.875")]
    [DataRow("\"INF\"^^<xsd:double>", null)]
    public void ToDecimal(string source, string? expected) => Check(source, "decimal", expected);

    [TestMethod]
    [DataRow("\"string\"", null)]
    [DataRow("\"-10.2E3\"", "-1.02E4")]
    [DataRow("\"+33.3300\"", "3.333E1")]
    [DataRow("\"0\"", "0E0")]
    [DataRow("\"1E0\"", "1E0")]
    [DataRow("\"2002-10-10T17:00:00Z\"", null)]
    [DataRow("true", "1.0E0")]
    [DataRow("\"0\"^^<xsd:boolean>", "0E0")]
    [DataRow("-1", "-1.0E0")]
    [DataRow("2.5", "2.5E0")]
    public void ToDouble(string source, string? expected) => Check(source, "double", expected);

    [TestMethod]
    [DataRow("\"-10.2E3\"", "\"-1.02E4\"^^<xsd:float>")]
    [DataRow("\"+33.3300\"", "\"3.333E1\"^^<xsd:float>")]
    [DataRow("true", "\"1.0E0\"^^<xsd:float>")]
    [DataRow("\"1.25\"^^<xsd:float>", "\"1.25\"^^<xsd:float>")]
    [DataRow("\"string\"", null)]
    public void ToFloat(string source, string? expected) => Check(source, "float", expected);

    [TestMethod]
    [DataRow("\"0\"", "false")]
    [DataRow("\"1\"", "true")]
    [DataRow("\"false\"", "false")]
    [DataRow("\"true\"", "true")]
    [DataRow("\"0.0\"", null)]
    [DataRow("\"13\"", null)]
    [DataRow("\"string\"", null)]
    [DataRow("\"0\"^^<xsd:boolean>", "false")]
    [DataRow("-1", "true")]
    [DataRow("0.0", "false")]
    [DataRow("0E1", "false")]
    [DataRow("\"NaN\"^^<xsd:double>", "false")]
    [DataRow("\"1.25\"^^<xsd:float>", "true")]
    public void ToBoolean(string source, string? expected) => Check(source, "boolean", expected);

    [TestMethod]
    [DataRow("<http://example.org/z>", "http://example.org/z")]
    [DataRow("\"-10.2E3\"", "-10.2E3")]
    [DataRow("\"0\"^^<xsd:boolean>", "false")]
    [DataRow("-1", "-1")]
    [DataRow("1.0", "1")]
    [DataRow("-1.0", "-1")]
    [DataRow("0E1", "0")]
    [DataRow("1E0", "1")]
    [DataRow("\"1.25\"^^<xsd:float>", "1.25")]
    [DataRow("\"-7.875\"^^<xsd:float>", "-7.875")]
    [DataRow("2.5", "2.5")]
    [DataRow("1.0e7", "1.0E7")]
    [DataRow("\"2002-10-10T17:00:00Z\"^^<xsd:dateTime>", "2002-10-10T17:00:00Z")]
    public void ToStringUsesXPathForms(string source, string expected) =>
        Assert.AreEqual(new LiteralNode(expected), Builtins.Call(X + "string", [Nt.Term(source)], T.Ctx()));

    [TestMethod]
    public void StringsBecomeDateTimesOnlyWhenValid()
    {
        Check("\"2002-10-10T17:00:00Z\"", "dateTime", "\"2002-10-10T17:00:00Z\"^^<xsd:dateTime>");
        Check("\"2002-10-10\"", "dateTime", null);
        Check("\"2002-10-10T25:00:00Z\"", "dateTime", null);
        Check("1", "dateTime", null);
    }

    [TestMethod]
    public void DerivedIntegerTypesCheckTheirRange()
    {
        Assert.AreEqual(T.Typed("100", "byte"), Builtins.Call(X + "byte", [T.Str("100")], T.Ctx()));
        Assert.ThrowsExactly<ExpressionError>(() => Builtins.Call(X + "byte", [T.Str("200")], T.Ctx()));
        Assert.ThrowsExactly<ExpressionError>(() => Builtins.Call(X + "nonNegativeInteger", [T.Int(-1)], T.Ctx()));
        Assert.AreEqual(T.Typed("4294967295", "unsignedInt"), Builtins.Call(X + "unsignedInt", [T.Str("4294967295")], T.Ctx()));
    }

    [TestMethod]
    public void LanguageTaggedStringsAndBlankNodesCannotBeCast()
    {
        Assert.ThrowsExactly<ExpressionError>(() => Builtins.Call(X + "string", [T.Lang("a", "en")], T.Ctx()));
        Assert.ThrowsExactly<ExpressionError>(() => Builtins.Call(X + "integer", [new BlankNode("b")], T.Ctx()));
    }

    [TestMethod]
    public void CastResultsAreCanonical()
    {
        Assert.AreEqual(T.Dec("33.33"), Builtins.Call(X + "decimal", [T.Str("+33.3300")], T.Ctx()));
        Assert.AreEqual(T.Dbl("1.0E0"), Builtins.Call(X + "double", [T.Bool(true)], T.Ctx()));
        Assert.AreEqual(T.Int(13), Builtins.Call(X + "integer", [T.Str(" 13 ")], T.Ctx()));
    }
}
