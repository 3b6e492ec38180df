using Graph.Rdf;
using Graph.Sparql.Functions;

namespace Graph.Sparql.Tests.Functions;

/// <summary>Short spellings of terms for the function and operator tests.</summary>
internal static class T
{
    public const string Xsd = Vocab.Xsd.Ns;

    public static LiteralNode Int(long v) => LiteralNode.Typed(v.ToString(System.Globalization.CultureInfo.InvariantCulture), Vocab.Xsd.Integer);
    public static LiteralNode Dec(string v) => LiteralNode.Typed(v, Vocab.Xsd.Decimal);
    public static LiteralNode Dbl(string v) => LiteralNode.Typed(v, Vocab.Xsd.Double);
    public static LiteralNode Flt(string v) => LiteralNode.Typed(v, Vocab.Xsd.Float);
    public static LiteralNode Typed(string v, string dt) => LiteralNode.Typed(v, dt.StartsWith("http", StringComparison.Ordinal) ? dt : Xsd + dt);
    public static LiteralNode Str(string v) => new(v);
    public static LiteralNode Lang(string v, string tag) => LiteralNode.LangString(v, tag);
    public static LiteralNode Bool(bool b) => LiteralNode.Typed(b ? "true" : "false", Vocab.Xsd.Boolean);
    public static LiteralNode DateTime(string v) => LiteralNode.Typed(v, Vocab.Xsd.DateTime);
    public static IriNode Iri(string v) => new(v);

    public static FunctionContext Ctx(string? baseIri = null) =>
        new(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)), baseIri, seed: 42);

    public static INode Call(string name, params INode[] args) => Builtins.Call(name, args, Ctx());
}

/// <summary>Terms written in Turtle/N-Triples syntax, read through the TSV term reader.</summary>
internal static class Nt
{
    public static INode Term(string text) =>
        Graph.Sparql.Results.TsvResultsReader.Read(new StringReader("?x\n" + text.Replace("xsd:", "http://www.w3.org/2001/XMLSchema#", StringComparison.Ordinal))).Rows[0][0]!;
}
