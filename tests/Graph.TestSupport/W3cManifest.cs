using Graph.Formats;
using Graph.Rdf;

namespace Graph.TestSupport;

/// <summary>One entry of a W3C test manifest.</summary>
/// <param name="Id">The test's IRI (unique across the suites).</param>
/// <param name="Name">mf:name, or the IRI's fragment.</param>
/// <param name="Type">The local name of its rdf:type, e.g. "TestTurtleEval", "QueryEvaluationTest".</param>
/// <param name="Node">The test's node in <see cref="Manifest"/>, for reading other properties (qt:data, ut:graphData, ...).</param>
/// <param name="Action">mf:action: a file path when it is an IRI, else null (see <see cref="Node"/> for structured actions).</param>
/// <param name="Result">mf:result as a file path when it is an IRI, else null.</param>
/// <param name="AssumedTestBase">mf:assumedTestBase of the manifest that lists the test, or null.</param>
public sealed record W3cTest(
    string Id,
    string Name,
    string Type,
    INode Node,
    W3cManifest Manifest,
    string? Action,
    string? Result,
    string? AssumedTestBase,
    string? Approval)
{
    /// <summary>
    /// The base IRI to parse <paramref name="file"/> with: mf:assumedTestBase + the file's path relative to the manifest
    /// (as ../shared/w3c/README.md says), or the file's own file: URL when the manifest gives no assumed base.
    /// </summary>
    public string BaseFor(string file)
    {
        if (AssumedTestBase is null) return W3cManifest.FileUrl(file);
        var rel = Path.GetRelativePath(Manifest.Directory, file).Replace(Path.DirectorySeparatorChar, '/');
        return Iri.Resolve(AssumedTestBase, rel);
    }

    public override string ToString() => Name;
}

/// <summary>
/// Reads W3C test manifests (Turtle, the mf: vocabulary): entries in order, following mf:include. Shared by the
/// RDF syntax, SPARQL, JSON-LD and RDF/XML suites.
/// </summary>
public sealed class W3cManifest
{
    public const string Mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    public const string Rdft = "http://www.w3.org/ns/rdftest#";

    private readonly Dictionary<(INode, string), List<INode>> _index = [];

    private W3cManifest(string path)
    {
        Location = System.IO.Path.GetFullPath(path);
        Directory = System.IO.Path.GetDirectoryName(Location)!;
        var sink = new ListSink();
        using (var fs = File.OpenRead(Location))
            RdfReader.Parse(fs, RdfFormat.Turtle, new RdfReadOptions(Location, FileUrl(Location)), sink);
        Triples = sink.Quads.Select(q => q.Triple).ToList();
        foreach (var t in Triples)
        {
            if (!_index.TryGetValue((t.Subject, t.Predicate.Value), out var list)) _index[(t.Subject, t.Predicate.Value)] = list = [];
            list.Add(t.Object);
        }
    }

    /// <summary>The manifest file's full path.</summary>
    public string Location { get; }

    public string Directory { get; }

    /// <summary>Every triple of the manifest, for properties this class has no shortcut for.</summary>
    public IReadOnlyList<Triple> Triples { get; }

    /// <summary>The objects of (<paramref name="subject"/>, <paramref name="predicate"/>, ?).</summary>
    public IReadOnlyList<INode> Objects(INode subject, string predicate) =>
        _index.TryGetValue((subject, predicate), out var list) ? list : [];

    public INode? Object(INode subject, string predicate) => Objects(subject, predicate).FirstOrDefault();

    /// <summary>The items of an RDF collection starting at <paramref name="head"/>.</summary>
    public List<INode> ListItems(INode head)
    {
        var items = new List<INode>();
        var seen = new HashSet<INode>();
        var cur = head;
        while (cur is not IriNode { Value: Vocab.Rdf.Nil } && seen.Add(cur))
        {
            var first = Object(cur, Vocab.Rdf.First);
            if (first is null) break;
            items.Add(first);
            cur = Object(cur, Vocab.Rdf.Rest) ?? Vocab.Rdf.NilNode;
        }
        return items;
    }

    /// <summary>The local file an IRI of this manifest names (file: URLs only), or null.</summary>
    public static string? FilePath(INode? node) =>
        node is IriNode i && i.Value.StartsWith("file://", StringComparison.Ordinal) ? Uri.UnescapeDataString(new Uri(i.Value).LocalPath) : null;

    public static string FileUrl(string path) => new Uri(System.IO.Path.GetFullPath(path)).AbsoluteUri;

    /// <summary>
    /// All tests of the manifest at <paramref name="path"/> and, recursively, of the manifests it includes, in
    /// manifest order. <paramref name="includeFilter"/> may refuse an included manifest by its full path.
    /// </summary>
    public static List<W3cTest> ReadTests(string path, Func<string, bool>? includeFilter = null)
    {
        var tests = new List<W3cTest>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(System.IO.Path.GetFullPath(path));
        var order = new List<string>();
        // Depth-first over includes with an explicit stack (manifests include each other, never deeply, but cycles are possible).
        while (pending.Count > 0)
        {
            var p = pending.Pop();
            if (!visited.Add(p)) continue;
            var m = new W3cManifest(p);
            tests.AddRange(m.Entries());
            var includes = m.Includes().Select(FilePath).OfType<string>().Where(i => includeFilter?.Invoke(i) ?? true).ToList();
            for (var i = includes.Count - 1; i >= 0; i--) pending.Push(includes[i]);
        }
        return tests;
    }

    private INode? ManifestNode()
    {
        foreach (var t in Triples)
            if (t.Predicate.Value == Vocab.Rdf.Type && t.Object is IriNode { Value: Mf + "Manifest" }) return t.Subject;
        return null;
    }

    private IEnumerable<INode> Includes()
    {
        var m = ManifestNode();
        if (m is null) yield break;
        foreach (var inc in Objects(m, Mf + "include"))
            foreach (var item in ListItems(inc)) yield return item;
    }

    private IEnumerable<W3cTest> Entries()
    {
        var m = ManifestNode();
        if (m is null) yield break;
        var assumed = (Object(m, Mf + "assumedTestBase") as IriNode)?.Value;
        foreach (var entries in Objects(m, Mf + "entries"))
        {
            foreach (var node in ListItems(entries))
            {
                var id = node is IriNode ni ? ni.Value : node.ToString()!;
                var type = Objects(node, Vocab.Rdf.Type).OfType<IriNode>().Select(t => LocalName(t.Value)).FirstOrDefault() ?? "";
                var name = (Object(node, Mf + "name") as LiteralNode)?.Value ?? LocalName(id);
                var approval = (Object(node, Rdft + "approval") as IriNode)?.Value;
                yield return new W3cTest(id, name, type, node, this, FilePath(Object(node, Mf + "action")), FilePath(Object(node, Mf + "result")), assumed, approval);
            }
        }
    }

    private static string LocalName(string iri)
    {
        var i = Math.Max(iri.LastIndexOf('#'), iri.LastIndexOf('/'));
        return i >= 0 ? iri[(i + 1)..] : iri;
    }
}
