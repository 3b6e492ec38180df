using Graph.Rdf;
using Graph.Sparql.Functions;
using Graph.Sparql.Results;
using Graph.TestSupport;

namespace Graph.Sparql.Tests.Functions;

/// <summary>
/// W3C function tests whose expected results list each input beside the computed value
/// (e.g. <c>SELECT ?num (CEIL(?num) AS ?ceil)</c>): every row is replayed through <see cref="Builtins"/> or
/// <see cref="Operators"/> without the query engine. An unbound result with bound inputs must be an error.
/// </summary>
[TestClass]
public sealed class W3CFunctionResultsTests
{
    [TestMethod]
    [DataRow("ceil01.srx", "CEIL", "num", "ceil")]
    [DataRow("floor01.srx", "FLOOR", "num", "floor")]
    [DataRow("round01.srx", "ROUND", "num", "round")]
    [DataRow("length01.srx", "STRLEN", "str", "len")]
    [DataRow("length01-non-bmp.srx", "STRLEN", "str", "len")]
    [DataRow("encode01.srx", "ENCODE_FOR_URI", "str", "encoded")]
    [DataRow("encode01-non-bmp.srx", "ENCODE_FOR_URI", "str", "encoded")]
    [DataRow("substring01.srx", "SUBSTR(,1,1)", "str", "substr")]
    [DataRow("substring02.srx", "SUBSTR(,2)", "str", "substr")]
    [DataRow("plus-1.srx", "+", "x,y", "sum")]
    [DataRow("plus-2.srx", "STR+STR", "x,y", "sum")]
    public void EveryRowOfTheExpectedResultsIsReproduced(string file, string function, string inputs, string output) =>
        Replay(XmlResultsReader.ReadFile(SharedPaths.InShared("w3c", "sparql11", "functions", file)), file, function, inputs, output);

    [TestMethod]
    [DataRow("triple-on-literals.srj")]
    [DataRow("triple-on-str-literals.srj")]
    public void TripleTermConstructionFollowsSparql12(string file) =>
        Replay(JsonResultsReader.ReadFile(SharedPaths.InShared("w3c", "sparql12", "expression", file)), file, "TRIPLE", "subject,predicate,object", "triple");

    private static void Replay(SparqlResultSet rs, string file, string function, string inputs, string output)
    {
        var ins = inputs.Split(',').Select(v => IndexOf(rs, v)).ToArray();
        var outCol = IndexOf(rs, output);
        var checkedRows = 0;
        foreach (var row in rs.Rows)
        {
            if (ins.Any(i => row[i] is null)) continue;
            var args = ins.Select(i => row[i]!).ToArray();
            var expected = row[outCol];
            INode? actual;
            try
            {
                actual = Apply(function, args);
            }
            catch (ExpressionError)
            {
                actual = null;
            }
            var diff = ResultSetComparer.Difference(new SparqlResultSet(["v"], [[expected]]), new SparqlResultSet(["v"], [[actual]]), ordered: true);
            Assert.IsNull(diff, $"{file}: {function}({string.Join(", ", args.Select(a => a.ToString()))}): {diff}");
            checkedRows++;
        }
        Assert.IsGreaterThan(1, checkedRows, "the file should hold rows to check");
    }

    private static int IndexOf(SparqlResultSet rs, string v)
    {
        var i = rs.Variables.ToList().IndexOf(v);
        Assert.IsGreaterThanOrEqualTo(0, i, "variable ?" + v + " is not in the results");
        return i;
    }

    private static INode Apply(string function, INode[] args)
    {
        var ctx = T.Ctx();
        return function switch
        {
            "+" => Operators.Add(args[0], args[1]),
            "STR+STR" => Operators.Add(Builtins.Call("STR", [args[0]], ctx), Builtins.Call("STR", [args[1]], ctx)),
            "SUBSTR(,1,1)" => Builtins.Call("SUBSTR", [args[0], T.Int(1), T.Int(1)], ctx),
            "SUBSTR(,2)" => Builtins.Call("SUBSTR", [args[0], T.Int(2)], ctx),
            _ => Builtins.Call(function, args, ctx),
        };
    }
}
