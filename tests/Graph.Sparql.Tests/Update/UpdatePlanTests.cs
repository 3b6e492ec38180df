using Graph.Rdf;
using Graph.Sparql.Update;
using Graph.Store;

namespace Graph.Sparql.Tests.Update;

[TestClass]
public sealed class UpdatePlanTests
{
    private static QuadStore StoreWith(params Quad[] quads)
    {
        var store = new QuadStore();
        store.AddRange(quads);
        return store;
    }

    private static readonly IriNode P = new("http://ex/p");

    [TestMethod]
    public void APlanReportsTheNetChangeAndLeavesTheStoreAsItWas()
    {
        var keep = new Quad(new IriNode("http://ex/a"), P, new LiteralNode("keep"));
        var drop = new Quad(new IriNode("http://ex/b"), P, new LiteralNode("drop"));
        var store = StoreWith(keep, drop);
        var request = UpdateParser.Parse(
            "DELETE DATA { <http://ex/b> <http://ex/p> \"drop\" } ; INSERT DATA { GRAPH <http://ex/g> { <http://ex/c> <http://ex/p> \"new\" } }",
            "u.ru", "http://ex/");

        var plan = UpdateExecutor.Plan(request, store);

        Assert.IsFalse(plan.ClearsAll);
        CollectionAssert.AreEqual(new[] { drop }, plan.Removed.ToArray());
        CollectionAssert.AreEqual(new[] { new Quad(new IriNode("http://ex/c"), P, new LiteralNode("new"), new IriNode("http://ex/g")) }, plan.Added.ToArray());
        Assert.AreEqual(2, store.QuadCount, "planning must not change the store");
        Assert.IsTrue(store.Contains(drop));
    }

    [TestMethod]
    public void ClearAllIsPlannedAsClearingFirst()
    {
        var store = StoreWith(new Quad(new IriNode("http://ex/a"), P, new LiteralNode("x")));
        var plan = UpdateExecutor.Plan(UpdateParser.Parse("CLEAR ALL ; INSERT DATA { <http://ex/z> <http://ex/p> 1 }", "u.ru", "http://ex/"), store);
        Assert.IsTrue(plan.ClearsAll);
        Assert.AreEqual(1, plan.Added.Count);
        Assert.AreEqual(1, store.QuadCount);
    }
}
