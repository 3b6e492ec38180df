using Graph.Rdf;
using Graph.Sparql.Update;
using Graph.Store;

namespace Graph.Sparql.Tests.Update;

[TestClass]
public sealed class UpdateTests
{
    private const string Ex = "http://ex/";

    private static QuadStore Run(string update, QuadStore? store = null, UpdateOptions? options = null)
    {
        store ??= new QuadStore();
        UpdateExecutor.Execute(UpdateParser.Parse(update, "test.ru", Ex), store, options);
        return store;
    }

    private static RdfParseException ParseError(string update) =>
        Assert.ThrowsExactly<RdfParseException>(() => UpdateParser.Parse(update, "test.ru", Ex));

    [TestMethod]
    public void VariableInInsertDataIsReportedWithItsPosition()
    {
        var e = ParseError("PREFIX : <http://ex/>\nINSERT DATA { :a :b\n  ?x }");
        Assert.AreEqual(3, e.Line);
        Assert.AreEqual(3, e.Column);
        StringAssert.Contains(e.Message, "INSERT DATA");
    }

    [TestMethod]
    public void BlankNodeInDeleteDataIsASyntaxError()
    {
        var e = ParseError("DELETE DATA { <a> <b> _:x }");
        Assert.AreEqual(1, e.Line);
        Assert.AreEqual(23, e.Column);
    }

    [TestMethod]
    public void MissingSemicolonBetweenOperationsIsReported()
    {
        var e = ParseError("CLEAR DEFAULT CLEAR ALL");
        Assert.AreEqual(15, e.Column);
    }

    [TestMethod]
    public void PrefixesMayBeDeclaredBetweenOperations()
    {
        var store = Run("PREFIX a: <http://a/> INSERT DATA { a:s a:p a:o } ; PREFIX b: <http://b/> INSERT DATA { b:s b:p b:o }");
        Assert.AreEqual(2, store.QuadCount);
        Assert.IsTrue(store.Contains(new Quad(new IriNode("http://b/s"), new IriNode("http://b/p"), new IriNode("http://b/o"))));
    }

    [TestMethod]
    public void AFailingOperationLeavesTheStoreUnchanged()
    {
        var store = Run("INSERT DATA { <s> <p> <o> . GRAPH <g> { <s> <p> <o> } }");
        Assert.ThrowsExactly<UpdateException>(() => Run("CLEAR DEFAULT ; INSERT DATA { <s2> <p> <o> } ; CREATE GRAPH <g>", store));
        Assert.AreEqual(2, store.QuadCount);
        Assert.IsTrue(store.Contains(new Quad(new IriNode(Ex + "s"), new IriNode(Ex + "p"), new IriNode(Ex + "o"))));
    }

    [TestMethod]
    public void SilentFailureLetsTheOtherOperationsApply()
    {
        var store = Run("INSERT DATA { GRAPH <g> { <s> <p> <o> } } ; CREATE SILENT GRAPH <g> ; INSERT DATA { <s> <p> <o> }");
        Assert.AreEqual(2, store.QuadCount);
    }

    [TestMethod]
    public void BlankNodesOfInsertDataAreFreshForEachRequest()
    {
        var store = Run("INSERT DATA { _:b <p> <o> }");
        Run("INSERT DATA { _:b <p> <o> }", store);
        var subjects = store.Match(null, null, null).Select(q => q.Subject).Distinct().ToList();
        Assert.AreEqual(2, subjects.Count);
        Assert.IsTrue(subjects.All(s => s is BlankNode));
    }

    [TestMethod]
    public void TemplateBlankNodesAreFreshForEachSolution()
    {
        var store = Run("INSERT DATA { <a> <p> 1 . <b> <p> 2 }");
        Run("INSERT { ?s <q> _:n } WHERE { ?s <p> ?o }", store);
        var made = store.Match(null, new IriNode(Ex + "q"), null).Select(q => q.Object).Distinct().ToList();
        Assert.AreEqual(2, made.Count);
    }

    [TestMethod]
    public void WithNamesTheGraphOfTheWhereClauseAndTheTemplates()
    {
        var store = Run("INSERT DATA { GRAPH <g> { <a> <p> 1 } . <b> <p> 2 }");
        Run("WITH <g> DELETE { ?s <p> ?o } INSERT { ?s <p2> ?o } WHERE { ?s <p> ?o }", store);
        var g = new IriNode(Ex + "g");
        Assert.AreEqual(1, store.Count(null, new IriNode(Ex + "p2"), null, GraphFilter.Named(g)));
        Assert.AreEqual(0, store.Count(null, new IriNode(Ex + "p"), null, GraphFilter.Named(g)));
        Assert.AreEqual(1, store.Count(null, new IriNode(Ex + "p"), null, GraphFilter.Default));
    }

    [TestMethod]
    public void LoadOfAnHttpIriIsRefusedWhenItsHostIsNotAllowed()
    {
        var e = Assert.ThrowsExactly<UpdateException>(() => Run("LOAD <http://example.com/data.ttl>"));
        StringAssert.Contains(e.Message, "allow-list");
    }

    [TestMethod]
    public void LoadReadsALocalFileIntoTheNamedGraph()
    {
        var path = Path.Combine(Path.GetTempPath(), "kg-update-load-" + Guid.NewGuid().ToString("N") + ".ttl");
        File.WriteAllText(path, "<http://s> <http://p> <http://o> .\n");
        try
        {
            var url = DatasetFiles.FileUrl(path);
            var store = Run($"LOAD <{url}> INTO GRAPH <g>");
            Assert.AreEqual(1, store.Count(null, null, null, GraphFilter.Named(new IriNode(Ex + "g"))));
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void LoadOfAMissingFileFailsUnlessSilent()
    {
        Assert.ThrowsExactly<UpdateException>(() => Run("LOAD <file:///nonexistent/kg/x.ttl>"));
        Assert.AreEqual(0, Run("LOAD SILENT <file:///nonexistent/kg/x.ttl>").QuadCount);
    }

    [TestMethod]
    public void MoveReplacesTheTargetAndEmptiesTheSource()
    {
        var store = Run("INSERT DATA { GRAPH <a> { <s> <p> 1 } GRAPH <b> { <s> <p> 2 } }");
        Run("MOVE <a> TO <b>", store);
        Assert.AreEqual(1, store.QuadCount);
        Assert.AreEqual(1, store.Count(null, null, null, GraphFilter.Named(new IriNode(Ex + "b"))));
    }
}
