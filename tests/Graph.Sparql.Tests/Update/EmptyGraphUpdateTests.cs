using Graph.Rdf;
using Graph.Sparql.Evaluation;
using Graph.Sparql.Syntax;
using Graph.Sparql.Update;
using Graph.Store;

namespace Graph.Sparql.Tests.Update;

/// <summary>Graph management on a store that records empty named graphs (SPARQL 1.1 Update §3.1.5, §3.2).</summary>
[TestClass]
public sealed class EmptyGraphUpdateTests
{
    private static readonly IriNode G = new("http://ex/g");
    private static readonly IriNode H = new("http://ex/h");

    private static QuadStore Run(string update, QuadStore? store = null)
    {
        store ??= new QuadStore();
        UpdateExecutor.Execute(UpdateParser.Parse(update, "test.ru", "http://ex/"), store);
        return store;
    }

    private static UpdateException Fails(string update, QuadStore store)
    {
        var version = store.Snapshot().Version;
        var e = Assert.ThrowsExactly<UpdateException>(() => Run(update, store));
        Assert.AreEqual(version, store.Snapshot().Version, "a failed request changes nothing");
        return e;
    }

    private static List<string> Names(QuadStore store) => store.NamedGraphs().Select(g => g.ToString()!).ToList();

    [TestMethod]
    public void CreateMakesAnEmptyGraphThatASecondCreateFindsExisting()
    {
        var store = Run("CREATE GRAPH <g>");
        Assert.IsTrue(store.GraphExists(G));
        Assert.AreEqual(0, store.QuadCount);
        StringAssert.Contains(Fails("CREATE GRAPH <g>", store).Message, "already exists");
        Run("CREATE SILENT GRAPH <g>", store);
        Assert.IsTrue(store.GraphExists(G));
    }

    [TestMethod]
    public void DropOfAnExistingEmptyGraphSucceedsAndRemovesIt()
    {
        var store = Run("CREATE GRAPH <g> ; DROP GRAPH <g>");
        Assert.IsFalse(store.GraphExists(G));
        CollectionAssert.AreEqual(new List<string>(), Names(store));
    }

    [TestMethod]
    public void DropAndClearOfAMissingGraphFailUnlessSilent()
    {
        var store = new QuadStore();
        StringAssert.Contains(Fails("DROP GRAPH <g>", store).Message, "does not exist");
        StringAssert.Contains(Fails("CLEAR GRAPH <g>", store).Message, "does not exist");
        Run("DROP SILENT GRAPH <g> ; CLEAR SILENT GRAPH <g>", store);
        Assert.IsFalse(store.GraphExists(G), "SILENT does not create the graph");
    }

    [TestMethod]
    public void ClearLeavesTheGraphExistingAndEmpty()
    {
        var store = Run("INSERT DATA { GRAPH <g> { <s> <p> 1 } } ; CLEAR GRAPH <g>");
        Assert.IsTrue(store.GraphExists(G));
        Assert.AreEqual(0, store.QuadCount);
        Run("CLEAR GRAPH <g>", store); // clearing an empty existing graph is no failure
        Run("DROP GRAPH <g>", store);
        Assert.IsFalse(store.GraphExists(G));
    }

    [TestMethod]
    public void ClearNamedAndClearAllKeepTheGraphsButDropNamedAndDropAllRemoveThem()
    {
        var store = Run("INSERT DATA { <s> <p> 0 GRAPH <g> { <s> <p> 1 } } ; CREATE GRAPH <h> ; CLEAR NAMED");
        CollectionAssert.AreEqual(new[] { "<http://ex/g>", "<http://ex/h>" }, Names(store));
        Assert.AreEqual(1, store.QuadCount);
        Run("CLEAR ALL", store);
        CollectionAssert.AreEqual(new[] { "<http://ex/g>", "<http://ex/h>" }, Names(store));
        Run("DROP NAMED", store);
        CollectionAssert.AreEqual(new List<string>(), Names(store));
        Run("CREATE GRAPH <g> ; DROP ALL", store);
        CollectionAssert.AreEqual(new List<string>(), Names(store));
    }

    [TestMethod]
    public void DeletingTheLastTripleOfAGraphKeepsTheGraph()
    {
        var store = Run("INSERT DATA { GRAPH <g> { <s> <p> 1 } } ; DELETE DATA { GRAPH <g> { <s> <p> 1 } }");
        Assert.IsTrue(store.GraphExists(G));
        Run("DROP GRAPH <g>", store);
    }

    [TestMethod]
    public void InsertDataWithAnEmptyGraphBlockDoesNotCreateIt()
    {
        var store = Run("INSERT DATA { GRAPH <g> { } }");
        Assert.IsFalse(store.GraphExists(G), "§3.1.1: INSERT DATA { GRAPH <g> {} } does not create <g>");
    }

    [TestMethod]
    public void CopyOfAnEmptyGraphCreatesAnEmptyDestinationAndEmptiesAnExistingOne()
    {
        var store = Run("CREATE GRAPH <g> ; COPY <g> TO <h>");
        Assert.IsTrue(store.GraphExists(H));
        Run("INSERT DATA { GRAPH <h> { <s> <p> 1 } } ; COPY <g> TO <h>", store);
        Assert.IsTrue(store.GraphExists(H));
        Assert.AreEqual(0, store.QuadCount);
        Assert.IsTrue(store.GraphExists(G), "COPY leaves its source");
    }

    [TestMethod]
    public void MoveOfAnEmptyGraphCreatesTheDestinationAndDropsTheSource()
    {
        var store = Run("CREATE GRAPH <g> ; MOVE <g> TO <h>");
        Assert.IsFalse(store.GraphExists(G));
        Assert.IsTrue(store.GraphExists(H));
    }

    [TestMethod]
    public void AddOfAnEmptyGraphCreatesTheDestinationAndKeepsItsTriples()
    {
        var store = Run("INSERT DATA { GRAPH <h> { <s> <p> 1 } } ; CREATE GRAPH <g> ; ADD <g> TO <h> ; CREATE GRAPH <k> ; ADD DEFAULT TO <k>");
        Assert.AreEqual(1, store.QuadCount);
        Assert.IsTrue(store.GraphExists(new IriNode("http://ex/k")), "ADD of the empty default graph creates its destination");
    }

    [TestMethod]
    public void CopyMoveAndAddFromAMissingGraphFailUnlessSilentAndCreateNothing()
    {
        var store = new QuadStore();
        foreach (var op in new[] { "COPY", "MOVE", "ADD" })
        {
            StringAssert.Contains(Fails($"{op} <g> TO <h>", store).Message, "does not exist");
            Run($"{op} SILENT <g> TO <h>", store);
            Assert.IsFalse(store.GraphExists(H), op + " SILENT from a missing graph creates nothing");
        }
    }

    [TestMethod]
    public void CopyOfAMissingGraphOntoItselfIsNoOperation()
    {
        var store = Run("COPY <g> TO <g>");
        Assert.IsFalse(store.GraphExists(G));
    }

    [TestMethod]
    public void MovingTheDefaultGraphToANamedOneLeavesTheDefaultGraphEmpty()
    {
        var store = Run("INSERT DATA { <s> <p> 1 } ; MOVE DEFAULT TO <g>");
        Assert.AreEqual(1, store.Count(null, null, null, GraphFilter.Named(G)));
        Assert.AreEqual(0, store.Count(null, null, null, GraphFilter.Default));
    }

    [TestMethod]
    public void AFailingOperationAfterACreateUndoesTheCreate()
    {
        var store = new QuadStore();
        Fails("CREATE GRAPH <g> ; DROP GRAPH <h>", store);
        Assert.IsFalse(store.GraphExists(G));
    }

    [TestMethod]
    public void LoadIntoAGraphCreatesItEvenFromAnEmptyDocument()
    {
        var file = Path.Combine(Path.GetTempPath(), "kg-empty-" + Guid.NewGuid().ToString("N") + ".ttl");
        File.WriteAllText(file, "# no triples\n");
        try
        {
            var store = Run($"LOAD <{DatasetFiles.FileUrl(file)}> INTO GRAPH <g>");
            Assert.IsTrue(store.GraphExists(G));
            Assert.AreEqual(0, store.QuadCount);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    public void AGraphVariableRangesOverEmptyGraphsToo()
    {
        var store = Run("CREATE GRAPH <g> ; INSERT DATA { GRAPH <h> { <s> <p> 1 } }");
        var all = QueryEngine.Execute(QueryParser.Parse("SELECT ?g WHERE { GRAPH ?g { } } ORDER BY ?g"), store.Snapshot());
        CollectionAssert.AreEqual(new[] { "<http://ex/g>", "<http://ex/h>" }, all.Rows.Select(r => r[0]!.ToString()).ToArray());
        var withTriples = QueryEngine.Execute(QueryParser.Parse("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"), store.Snapshot());
        CollectionAssert.AreEqual(new[] { "<http://ex/h>" }, withTriples.Rows.Select(r => r[0]!.ToString()).ToArray());
    }

    [TestMethod]
    public void AWhereClauseSeesAnEmptyGraphNamedByUsingNamed()
    {
        var store = Run("CREATE GRAPH <g> ; CREATE GRAPH <h> ; INSERT { <x> <seen> ?g } USING NAMED <g> WHERE { GRAPH ?g { } }");
        CollectionAssert.AreEqual(new[] { "<http://ex/g>" }, store.Match(null, null, null, GraphFilter.Default).Select(q => q.Object.ToString()).ToArray());
    }
}
