using System.Net;
using System.Text.RegularExpressions;
using Graph.Rdf;
using Graph.Sparql.Remote;

namespace Graph.Sparql.Tests.Remote;

[TestClass]
public sealed class ServiceExecutorTests
{
    private const string Endpoint = "http://endpoint.test/sparql";

    private static ServiceCall Call(bool silent = false, params string[] vars) =>
        new(Endpoint, null, "PREFIX ex: <http://ex.test/>", "{ ?city ex:population ?pop }", vars.Length == 0 ? ["city", "pop"] : vars, silent);

    private static Dictionary<string, INode> Row(params (string Var, INode Value)[] b) => b.ToDictionary(x => x.Var, x => x.Value);

    private static IriNode Ex(string local) => new("http://ex.test/" + local);

    /// <summary>Answers each VALUES row ?city with one population: its position in the alphabet of the local name.</summary>
    private static StubEndpoint PopulationEndpoint() => new(r =>
    {
        var cities = Regex.Matches(r.Query!, "<http://ex.test/([a-z]+)>").Select(m => m.Groups[1].Value).ToList();
        return StubEndpoint.Json(["city", "pop"], [.. cities.Select(c => new[] { StubEndpoint.Uri("http://ex.test/" + c), "{\"type\":\"literal\",\"value\":\"" + c.Length + "\"}" })]);
    });

    private static ServiceExecutor Executor(StubEndpoint stub, int batch) =>
        new(new SparqlHttpClient(new SparqlClientOptions { Handler = stub, AllowList = new EndpointAllowList([Endpoint, "other.test"]) })) { BatchSize = batch };

    [TestMethod]
    public void InputsAreSentInValuesBlocksOfBoundedSize()
    {
        var stub = PopulationEndpoint();
        var inputs = new[] { "aa", "bbb", "c", "dddd", "ee" }.Select(c => (IReadOnlyDictionary<string, INode>)Row(("city", Ex(c)))).ToList();
        var matches = Executor(stub, 2).Execute(Call(), inputs, default).ToList();
        Assert.HasCount(3, stub.Requests);
        foreach (var r in stub.Requests)
        {
            StringAssert.Contains(r.Query, "VALUES (?city)");
            Assert.IsLessThanOrEqualTo(2, Regex.Matches(r.Query!, "\\(<http").Count);
            StringAssert.StartsWith(r.Query, "PREFIX ex: <http://ex.test/>");
        }
        CollectionAssert.AreEqual(new[] { 0, 1, 2, 3, 4 }, matches.Select(m => m.Input).ToArray());
        Assert.AreEqual(new LiteralNode("4"), matches[3].Bindings["pop"]);
    }

    [TestMethod]
    public void IdenticalInputsAreSentOnceAndEachGetsTheAnswer()
    {
        var stub = PopulationEndpoint();
        var inputs = new List<IReadOnlyDictionary<string, INode>>
        {
            Row(("city", Ex("aleppo")), ("n", new LiteralNode("1"))),
            Row(("city", Ex("aleppo")), ("n", new LiteralNode("2"))),
        };
        var matches = Executor(stub, 10).Execute(Call(), inputs, default).ToList();
        Assert.AreEqual(1, Regex.Matches(stub.Requests.Single().Query!, "<http://ex.test/aleppo>").Count);
        CollectionAssert.AreEqual(new[] { 0, 1 }, matches.Select(m => m.Input).ToArray());
    }

    [TestMethod]
    public void RemoteRowsJoinOnlyWithTheInputsTheyAreCompatibleWith()
    {
        // The endpoint ignores VALUES and returns every city: the executor must still join correctly.
        var stub = new StubEndpoint(_ => StubEndpoint.Json(["city", "pop"],
            [StubEndpoint.Uri("http://ex.test/a"), "{\"type\":\"literal\",\"value\":\"1\"}"],
            [StubEndpoint.Uri("http://ex.test/b"), "{\"type\":\"literal\",\"value\":\"2\"}"]));
        var inputs = new List<IReadOnlyDictionary<string, INode>> { Row(("city", Ex("b"))) };
        var m = Executor(stub, 10).Execute(Call(), inputs, default).Single();
        Assert.AreEqual(new LiteralNode("2"), m.Bindings["pop"]);
    }

    [TestMethod]
    public void WithoutInputBindingsThePatternIsSentWithoutValues()
    {
        var stub = PopulationEndpoint();
        Executor(stub, 10).Execute(Call(), [new Dictionary<string, INode>()], default).ToList();
        Assert.IsFalse(stub.Requests.Single().Query!.Contains("VALUES", StringComparison.Ordinal));
        StringAssert.Contains(stub.Requests.Single().Query, "SELECT ?city ?pop WHERE");
    }

    [TestMethod]
    public void ASilentServiceThatFailsGivesEachInputTheEmptySolution()
    {
        var stub = new StubEndpoint(_ => StubEndpoint.Text("boom", "text/plain", HttpStatusCode.InternalServerError));
        var inputs = new List<IReadOnlyDictionary<string, INode>> { Row(("city", Ex("a"))), Row(("city", Ex("b"))) };
        var matches = Executor(stub, 10).Execute(Call(silent: true), inputs, default).ToList();
        CollectionAssert.AreEqual(new[] { 0, 1 }, matches.Select(m => m.Input).ToArray());
        Assert.IsTrue(matches.All(m => m.Bindings.Count == 0));
    }

    [TestMethod]
    public void AServiceThatFailsWithoutSilentIsAnError()
    {
        var stub = new StubEndpoint(_ => StubEndpoint.Text("boom", "text/plain", HttpStatusCode.InternalServerError));
        var e = Assert.ThrowsExactly<RemoteEndpointException>(() => Executor(stub, 10).Execute(Call(), [Row(("city", Ex("a")))], default));
        Assert.AreEqual(500, e.Status);
    }

    [TestMethod]
    public void AnEndpointVariableSendsEachInputToTheEndpointItBinds()
    {
        var stub = PopulationEndpoint();
        var call = new ServiceCall(null, "ep", "", "{ ?city <http://ex.test/population> ?pop }", ["city", "pop"], false);
        var inputs = new List<IReadOnlyDictionary<string, INode>>
        {
            Row(("ep", new IriNode(Endpoint)), ("city", Ex("a"))),
            Row(("ep", new IriNode("http://other.test/sparql")), ("city", Ex("bb"))),
        };
        var matches = Executor(stub, 10).Execute(call, inputs, default).ToList();
        CollectionAssert.AreEquivalent(new[] { "endpoint.test", "other.test" }, stub.Requests.Select(r => r.Uri.Host).ToArray());
        Assert.HasCount(2, matches);
    }

    [TestMethod]
    public void AnUnboundEndpointVariableIsAnErrorUnlessSilent()
    {
        var stub = PopulationEndpoint();
        var call = new ServiceCall(null, "ep", "", "{ ?s ?p ?o }", ["s", "p", "o"], false);
        Assert.ThrowsExactly<RemoteEndpointException>(() => Executor(stub, 10).Execute(call, [Row(("x", Ex("a")))], default));
        var silent = Executor(stub, 10).Execute(call with { Silent = true }, [Row(("x", Ex("a")))], default).Single();
        Assert.AreEqual(0, silent.Bindings.Count);
        Assert.IsEmpty(stub.Requests);
    }

    [TestMethod]
    public void BlankNodeInputsAreNotSentAndMatchNothingRemote()
    {
        var stub = PopulationEndpoint();
        var inputs = new List<IReadOnlyDictionary<string, INode>> { Row(("city", new BlankNode("b1"))) };
        var matches = Executor(stub, 10).Execute(Call(), inputs, default).ToList();
        Assert.IsFalse(stub.Requests.Single().Query!.Contains("_:", StringComparison.Ordinal));
        Assert.IsEmpty(matches);
    }

    [TestMethod]
    public void LiteralsInValuesAreEscapedSoQuotesAndArabicSurvive()
    {
        var q = ServiceExecutor.BuildQuery(Call(), ["city"], [[LiteralNode.LangString("قال \"نعم\"\n", "ar").ToString()]]);
        StringAssert.Contains(q, "(\"قال \\\"نعم\\\"\\n\"@ar)");
    }
}
