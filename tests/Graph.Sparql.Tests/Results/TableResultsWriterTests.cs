using System.Text;
using Graph.Rdf;
using Graph.Sparql.Results;

namespace Graph.Sparql.Tests.Results;

[TestClass]
public sealed class TableResultsWriterTests
{
    private static string Table(IReadOnlyList<string> vars, params INode?[][] rows)
    {
        var ms = new MemoryStream();
        new TableResultsWriter().WriteSolutions(ms, vars, rows);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [TestMethod]
    public void ColumnsAreAligned()
    {
        var t = Table(["name", "n"], [new LiteralNode("Astana"), LiteralNode.Typed("3", Vocab.Xsd.Integer)], [new LiteralNode("x"), null]);
        Assert.AreEqual(
            "| ?name    | ?n |\n" +
            "|----------+----|\n" +
            "| \"Astana\" | 3  |\n" +
            "| \"x\"      |    |\n" +
            "2 rows\n", t);
    }

    [TestMethod]
    public void ArabicTextIsIsolatedRightToLeftAndMeasuredWithoutItsMarks()
    {
        // "مُحَمَّد" is four letters carrying four combining marks: four columns on a terminal.
        var name = "مُحَمَّد";
        Assert.AreEqual(8, name.Length);
        Assert.AreEqual(4, DisplayWidth.Of(name));
        var t = Table(["who"], [LiteralNode.LangString(name, "ar")], [new LiteralNode("abcdefghijkl")]);
        var lines = t.Split('\n');
        Assert.AreEqual("| \"\u2067" + name + "\u2069\"@ar      |", lines[2]);
        // Every row has the same display width.
        Assert.AreEqual(DisplayWidth.Of(lines[0]), DisplayWidth.Of(lines[2]));
        Assert.AreEqual(DisplayWidth.Of(lines[0]), DisplayWidth.Of(lines[3]));
    }

    [TestMethod]
    public void MixedTextStartingLeftToRightUsesAFirstStrongIsolate()
    {
        var t = Table(["x"], [new LiteralNode("Astana أستانا")]);
        StringAssert.Contains(t, "\"\u2068Astana أستانا\u2069\"");
    }

    [TestMethod]
    public void WideCharactersCountTwoColumns()
    {
        Assert.AreEqual(4, DisplayWidth.Of("日本"));
        var lines = Table(["x"], [new LiteralNode("日本")], [new LiteralNode("abcdef")]).Split('\n');
        Assert.AreEqual(DisplayWidth.Of(lines[2]), DisplayWidth.Of(lines[3]));
    }

    [TestMethod]
    public void ControlCharactersAreEscapedSoRowsStayOnOneLine()
    {
        var t = Table(["x"], [new LiteralNode("a\nb")]);
        StringAssert.Contains(t, "\"a\\nb\"");
        Assert.AreEqual(5, t.Split('\n').Length);
    }

    [TestMethod]
    public void PrefixesAbbreviateIris()
    {
        var ns = new NamespaceMap();
        ns.Add("ex", "http://example.org/");
        var ms = new MemoryStream();
        new TableResultsWriter(ns).WriteSolutions(ms, ["x"], [[new IriNode("http://example.org/a")], [new IriNode("http://other.org/b")]]);
        var t = Encoding.UTF8.GetString(ms.ToArray());
        StringAssert.Contains(t, "| ex:a ");
        StringAssert.Contains(t, "<http://other.org/b>");
    }

    [TestMethod]
    public void BooleansAreOneWord()
    {
        var ms = new MemoryStream();
        new TableResultsWriter().WriteBoolean(ms, true);
        Assert.AreEqual("true\n", Encoding.UTF8.GetString(ms.ToArray()));
    }
}
