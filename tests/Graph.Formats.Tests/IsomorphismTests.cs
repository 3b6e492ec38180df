using Graph.Rdf;

namespace Graph.Formats.Tests;

[TestClass]
public sealed class IsomorphismTests
{
    private static List<Quad> Nq(string text)
    {
        var sink = new ListSink();
        RdfReader.ParseString(text, RdfFormat.NQuads, null, sink);
        return sink.Quads;
    }

    [TestMethod]
    public void RenamedBlankNodesAreIsomorphic()
        => Assert.IsTrue(Isomorphism.AreIsomorphic(
            Nq("_:a <http://p> _:b .\n_:b <http://p> \"x\" .\n"),
            Nq("_:y <http://p> \"x\" .\n_:z <http://p> _:y .\n")));

    [TestMethod]
    public void DifferentLiteralsAreNot()
        => Assert.IsFalse(Isomorphism.AreIsomorphic(Nq("_:a <http://p> \"x\" .\n"), Nq("_:a <http://p> \"y\" .\n")));

    [TestMethod]
    public void TwoTrianglesAreNotAHexagon()
    {
        // Every node has the same degree, so only the backtracking search can tell these apart.
        var triangles = Nq("_:a <http://p> _:b .\n_:b <http://p> _:c .\n_:c <http://p> _:a .\n_:d <http://p> _:e .\n_:e <http://p> _:f .\n_:f <http://p> _:d .\n");
        var hexagon = Nq("_:a <http://p> _:b .\n_:b <http://p> _:c .\n_:c <http://p> _:d .\n_:d <http://p> _:e .\n_:e <http://p> _:f .\n_:f <http://p> _:a .\n");
        Assert.IsFalse(Isomorphism.AreIsomorphic(triangles, hexagon));
        Assert.IsTrue(Isomorphism.AreIsomorphic(hexagon, Nq("_:1 <http://p> _:2 .\n_:2 <http://p> _:3 .\n_:3 <http://p> _:4 .\n_:4 <http://p> _:5 .\n_:5 <http://p> _:6 .\n_:6 <http://p> _:1 .\n")));
    }

    [TestMethod]
    public void GraphNamesAndTripleTermsTakePart()
    {
        Assert.IsTrue(Isomorphism.AreIsomorphic(
            Nq("_:r <http://r> <<( _:s <http://p> <http://o> )>> _:g .\n_:s <http://q> \"1\" _:g .\n"),
            Nq("_:x <http://q> \"1\" _:h .\n_:y <http://r> <<( _:x <http://p> <http://o> )>> _:h .\n")));
        Assert.IsFalse(Isomorphism.AreIsomorphic(
            Nq("_:r <http://r> <<( _:s <http://p> <http://o> )>> _:g .\n_:s <http://q> \"1\" _:g .\n"),
            Nq("_:x <http://q> \"1\" _:h .\n_:y <http://r> <<( _:z <http://p> <http://o> )>> _:h .\n")));
    }

    [TestMethod]
    public void DuplicatesDoNotCount()
        => Assert.IsTrue(Isomorphism.AreIsomorphic(
            Nq("<http://s> <http://p> <http://o> .\n<http://s> <http://p> <http://o> .\n"),
            Nq("<http://s> <http://p> <http://o> .\n")));

    [TestMethod]
    public void ManySymmetricBlankNodesAreMatchedQuickly()
    {
        // 200 identical stars: refinement leaves big ties that backtracking must settle one node at a time.
        var a = new System.Text.StringBuilder();
        var b = new System.Text.StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            a.Append($"_:c{i} <http://p> _:l{i} .\n_:l{i} <http://q> \"v\" .\n");
            b.Append($"_:x{199 - i} <http://q> \"v\" .\n_:y{i} <http://p> _:x{199 - i} .\n");
        }
        Assert.IsTrue(Isomorphism.AreIsomorphic(Nq(a.ToString()), Nq(b.ToString())));
    }
}
