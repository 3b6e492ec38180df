using System.Globalization;
using Graph.Rdf;

namespace Graph.Formats.RdfXml;

/// <summary>Options for <see cref="RdfXmlReader"/>.</summary>
public sealed class RdfXmlReaderOptions
{
    /// <summary>The document's base IRI (used for relative IRIs and rdf:ID when no xml:base is in scope).</summary>
    public string? BaseIri { get; init; }

    /// <summary>The file name shown in errors.</summary>
    public string? SourceName { get; init; }

    /// <summary>Receives warnings (for example unqualified RDF attributes); a warning never stops parsing.</summary>
    public Action<RdfParseException>? Warning { get; init; }

    /// <summary>Keep rdf:nodeID labels as written (converting one document); by default labels get a per-document prefix.</summary>
    public bool PreserveBlankNodeLabels { get; init; }

    /// <summary>Deepest element nesting accepted; deeper documents get a clear error instead of exhausting the stack.</summary>
    public int MaxDepth { get; init; } = 1000;

    /// <summary>Longest literal accepted (UTF-16 code units); see <see cref="RdfReadOptions.MaxLiteralLength"/>.</summary>
    public int MaxLiteralLength { get; init; } = RdfReadOptions.DefaultMaxLiteralLength;

    /// <summary>Longest IRI accepted, after resolution; see <see cref="RdfReadOptions.MaxIriLength"/>.</summary>
    public int MaxIriLength { get; init; } = RdfReadOptions.DefaultMaxIriLength;
}

/// <summary>
/// Reads RDF/XML (RDF 1.1 XML Syntax) into an <see cref="IRdfSink"/>. DTDs are prohibited, so no entity is
/// expanded and nothing outside the input is ever read.
/// </summary>
public sealed class RdfXmlReader
{
    private static readonly IriNode s_type = Vocab.Rdf.TypeNode;
    private static readonly IriNode s_statement = new(Vocab.Rdf.Statement);
    private static readonly IriNode s_subject = new(Vocab.Rdf.Subject);
    private static readonly IriNode s_predicate = new(Vocab.Rdf.Predicate);
    private static readonly IriNode s_object = new(Vocab.Rdf.Object);
    private static readonly IriNode s_xmlLiteral = new(Vocab.Rdf.XmlLiteral);

    private readonly RdfXmlReaderOptions _options;
    private readonly IRdfSink _sink;
    private readonly BlankNodeLabels _blanks;
    private readonly HashSet<string> _usedIds = new(StringComparer.Ordinal);

    private RdfXmlReader(IRdfSink sink, RdfXmlReaderOptions options)
    {
        _sink = sink;
        _options = options;
        _blanks = new BlankNodeLabels(options.PreserveBlankNodeLabels);
    }

    /// <summary>Parses <paramref name="input"/> and pushes its triples into <paramref name="sink"/>.</summary>
    /// <exception cref="RdfParseException">The input is not well-formed XML or not RDF/XML.</exception>
    public static void Parse(TextReader input, IRdfSink sink, RdfXmlReaderOptions? options = null)
    {
        options ??= new RdfXmlReaderOptions();
        var root = XmlTreeLoader.Load(input, options.SourceName, options.MaxDepth);
        new RdfXmlReader(sink, options).Document(root);
    }

    /// <summary>Parses a file; its base IRI defaults to the file's URI.</summary>
    public static void ParseFile(string path, IRdfSink sink, string? baseIri = null, Action<RdfParseException>? warning = null)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        Parse(reader, sink, new RdfXmlReaderOptions
        {
            BaseIri = baseIri ?? new Uri(Path.GetFullPath(path)).AbsoluteUri,
            SourceName = path,
            Warning = warning,
        });
    }

    private readonly record struct Scope(string? Base, string? Lang);

    private void Document(XElementItem root)
    {
        foreach (var a in root.Attributes)
            if (a.IsNamespaceDeclaration && a.Prefix == "xmlns" && a.LocalName != "xml" && Iri.IsAbsolute(a.Value))
                _sink.Prefix(a.LocalName, a.Value);
        var scope = Enter(root, new Scope(_options.BaseIri, null));
        if (root.Namespace == XmlNames.RdfNs && root.LocalName == "RDF")
        {
            foreach (var a in root.Attributes)
                if (!IsIgnorable(a))
                    throw Error(a.Line, a.Column, $"rdf:RDF takes no attribute {Name(a)}.");
            foreach (var child in root.Children)
            {
                if (child is XElementItem e) NodeElement(e, scope, 1);
                else RejectText(child);
            }
        }
        else
        {
            NodeElement(root, new Scope(_options.BaseIri, null), 0);
        }
    }

    private Scope Enter(XElementItem e, Scope outer)
    {
        var b = outer.Base;
        var lang = outer.Lang;
        foreach (var a in e.Attributes)
        {
            if (a.Namespace != XmlNames.XmlNs) continue;
            if (a.LocalName == "base")
            {
                var v = a.Value;
                var hash = v.IndexOf('#', StringComparison.Ordinal);
                if (hash >= 0) v = v[..hash];
                b = b is null ? (Iri.IsAbsolute(v) ? v : throw Error(a.Line, a.Column, "xml:base is relative and the document has no base IRI.")) : Iri.Resolve(b, v);
            }
            else if (a.LocalName == "lang")
            {
                lang = a.Value.Length == 0 ? null : a.Value;
            }
        }
        return new Scope(b, lang);
    }

    private static bool IsIgnorable(XAttr a) =>
        a.IsNamespaceDeclaration || a.Namespace == XmlNames.XmlNs
        || (a.Namespace.Length == 0 && a.LocalName.StartsWith("xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>The attribute's IRI, mapping the legacy unqualified RDF attributes into the rdf: namespace with a warning.</summary>
    private string? AttributeIri(XAttr a)
    {
        if (a.Namespace.Length > 0) return a.Namespace + a.LocalName;
        if (a.LocalName is "ID" or "about" or "resource" or "parseType" or "type" or "nodeID" or "datatype")
        {
            Warn(a.Line, a.Column, $"Unqualified attribute {a.LocalName} read as rdf:{a.LocalName}.");
            return XmlNames.RdfNs + a.LocalName;
        }
        Warn(a.Line, a.Column, $"Attribute {a.LocalName} has no namespace and is ignored.");
        return null;
    }

    private INode NodeElement(XElementItem e, Scope outer, int depth)
    {
        CheckDepth(e, depth);
        if (XmlNames.IsForbiddenNodeElement(e.Namespace, e.LocalName))
            throw Error(e, $"{QName(e)} cannot be used as a node element.");
        var scope = Enter(e, outer);
        string? id = null, nodeId = null, about = null;
        XAttr? typeAttr = null;
        var props = new List<(XAttr Attr, string Iri)>();
        foreach (var a in e.Attributes)
        {
            if (IsIgnorable(a)) continue;
            var iri = AttributeIri(a);
            if (iri is null) continue;
            switch (iri)
            {
                case XmlNames.RdfNs + "ID": id = a.Value; CheckNcName(a, "rdf:ID"); break;
                case XmlNames.RdfNs + "nodeID": nodeId = a.Value; CheckNcName(a, "rdf:nodeID"); break;
                case XmlNames.RdfNs + "about": about = a.Value; break;
                case XmlNames.RdfNs + "type": typeAttr = a; break;
                default:
                    var local = iri[(iri.StartsWith(XmlNames.RdfNs, StringComparison.Ordinal) ? XmlNames.RdfNs.Length : 0)..];
                    if (iri.StartsWith(XmlNames.RdfNs, StringComparison.Ordinal) && XmlNames.IsForbiddenPropertyAttribute(XmlNames.RdfNs, local))
                        throw Error(a.Line, a.Column, $"{Name(a)} is not allowed as an attribute here.");
                    props.Add((a, iri));
                    break;
            }
        }
        if ((id is not null ? 1 : 0) + (nodeId is not null ? 1 : 0) + (about is not null ? 1 : 0) > 1)
            throw Error(e, "A node element may have only one of rdf:ID, rdf:nodeID and rdf:about.");
        INode subject;
        if (id is not null) subject = new IriNode(IdIri(e, scope, id));
        else if (nodeId is not null) subject = NodeId(nodeId);
        else if (about is not null) subject = new IriNode(ResolveIri(e, scope, about));
        else subject = NewBlank();

        if (!(e.Namespace == XmlNames.RdfNs && e.LocalName == "Description"))
            Emit(e, subject, s_type, new IriNode(ElementIri(e)));
        if (typeAttr is not null)
            Emit(e, subject, s_type, new IriNode(ResolveIri(e, scope, typeAttr.Value)));
        foreach (var (a, iri) in props)
            Emit(e, subject, new IriNode(iri), PlainLiteral(a.Value, scope));

        var li = 1;
        foreach (var child in e.Children)
        {
            if (child is XElementItem pe) PropertyElement(pe, subject, scope, ref li, depth + 1);
            else RejectText(child);
        }
        return subject;
    }

    private void PropertyElement(XElementItem e, INode subject, Scope outer, ref int li, int depth)
    {
        CheckDepth(e, depth);
        if (XmlNames.IsForbiddenPropertyElement(e.Namespace, e.LocalName))
            throw Error(e, $"{QName(e)} cannot be used as a property element.");
        var scope = Enter(e, outer);
        var predicateIri = ElementIri(e);
        if (e.Namespace == XmlNames.RdfNs && e.LocalName == "li")
            predicateIri = XmlNames.RdfNs + "_" + (li++).ToString(CultureInfo.InvariantCulture);
        var predicate = new IriNode(predicateIri);

        string? id = null, datatype = null, parseType = null, resource = null, nodeId = null;
        var props = new List<(XAttr Attr, string Iri)>();
        foreach (var a in e.Attributes)
        {
            if (IsIgnorable(a)) continue;
            var iri = AttributeIri(a);
            if (iri is null) continue;
            switch (iri)
            {
                case XmlNames.RdfNs + "ID": id = a.Value; CheckNcName(a, "rdf:ID"); break;
                case XmlNames.RdfNs + "datatype": datatype = a.Value; break;
                case XmlNames.RdfNs + "parseType": parseType = a.Value; break;
                case XmlNames.RdfNs + "resource": resource = a.Value; break;
                case XmlNames.RdfNs + "nodeID": nodeId = a.Value; CheckNcName(a, "rdf:nodeID"); break;
                default:
                    if (iri.StartsWith(XmlNames.RdfNs, StringComparison.Ordinal)
                        && XmlNames.IsForbiddenPropertyAttribute(XmlNames.RdfNs, iri[XmlNames.RdfNs.Length..]))
                        throw Error(a.Line, a.Column, $"{Name(a)} is not allowed as an attribute here.");
                    props.Add((a, iri));
                    break;
            }
        }

        var elementChildren = e.Children.OfType<XElementItem>().ToList();
        INode obj;
        if (parseType is not null)
        {
            if (resource is not null || nodeId is not null || datatype is not null || props.Count > 0)
                throw Error(e, "rdf:parseType cannot be combined with rdf:resource, rdf:nodeID, rdf:datatype or property attributes.");
            switch (parseType)
            {
                case "Resource":
                {
                    var node = NewBlank();
                    obj = node;
                    Emit(e, subject, predicate, obj);
                    Reify(e, scope, id, subject, predicate, obj);
                    var innerLi = 1;
                    foreach (var child in e.Children)
                    {
                        if (child is XElementItem pe) PropertyElement(pe, node, scope, ref innerLi, depth + 1);
                        else RejectText(child);
                    }
                    return;
                }
                case "Collection":
                {
                    var items = new List<INode>();
                    foreach (var child in e.Children)
                    {
                        if (child is XElementItem ne) items.Add(NodeElement(ne, scope, depth + 1));
                        else RejectText(child);
                    }
                    if (items.Count == 0)
                    {
                        obj = Vocab.Rdf.NilNode;
                    }
                    else
                    {
                        var cells = items.Select(_ => (INode)NewBlank()).ToList();
                        for (var i = 0; i < items.Count; i++)
                        {
                            Emit(e, cells[i], Vocab.Rdf.FirstNode, items[i]);
                            Emit(e, cells[i], Vocab.Rdf.RestNode, i + 1 < cells.Count ? cells[i + 1] : Vocab.Rdf.NilNode);
                        }
                        obj = cells[0];
                    }
                    break;
                }
                default:
                    // "Literal" and, as the grammar says, any other value.
                    obj = LiteralNode.Typed(XmlLiteralCanonicalizer.Canonicalize(e.Children), s_xmlLiteral);
                    break;
            }
        }
        else if (elementChildren.Count > 0)
        {
            if (elementChildren.Count > 1)
                throw Error(elementChildren[1], "A property element may contain only one node element.");
            foreach (var child in e.Children)
                if (child is XTextItem) RejectText(child);
            if (resource is not null || nodeId is not null || datatype is not null || props.Count > 0)
                throw Error(e, "A property element with a node element inside takes no rdf:resource, rdf:nodeID, rdf:datatype or property attribute.");
            obj = NodeElement(elementChildren[0], scope, depth + 1);
        }
        else if (e.Children.OfType<XTextItem>().Any() || datatype is not null)
        {
            if (resource is not null || nodeId is not null || props.Count > 0)
                throw Error(e, "A property element with text takes no rdf:resource, rdf:nodeID or property attribute.");
            var text = string.Concat(e.Children.OfType<XTextItem>().Select(t => t.Text.ToString()));
            obj = datatype is not null
                ? LiteralNode.Typed(text, ResolveIri(e, scope, datatype))
                : PlainLiteral(text, scope);
        }
        else if (resource is null && nodeId is null && props.Count == 0)
        {
            obj = PlainLiteral("", scope);
        }
        else
        {
            if (resource is not null && nodeId is not null)
                throw Error(e, "A property element may not have both rdf:resource and rdf:nodeID.");
            obj = resource is not null ? new IriNode(ResolveIri(e, scope, resource))
                : nodeId is not null ? NodeId(nodeId)
                : NewBlank();
            foreach (var (a, iri) in props)
            {
                if (iri == Vocab.Rdf.Type) Emit(e, obj, s_type, new IriNode(ResolveIri(e, scope, a.Value)));
                else Emit(e, obj, new IriNode(iri), PlainLiteral(a.Value, scope));
            }
        }
        Emit(e, subject, predicate, obj);
        Reify(e, scope, id, subject, predicate, obj);
    }

    private void Reify(XElementItem e, Scope scope, string? id, INode s, IriNode p, INode o)
    {
        if (id is null) return;
        var r = new IriNode(IdIri(e, scope, id));
        Emit(e, r, s_type, s_statement);
        Emit(e, r, s_subject, s);
        Emit(e, r, s_predicate, p);
        Emit(e, r, s_object, o);
    }

    private void Emit(XElementItem at, INode s, IriNode p, INode o)
    {
        CheckLength(at, s);
        CheckLength(at, p);
        CheckLength(at, o);
        _sink.Quad(new Quad(s, p, o));
    }

    /// <summary>The literal and IRI length limits, checked once per term of each triple (a length read, no scan).</summary>
    private void CheckLength(XElementItem at, INode n)
    {
        if (n is IriNode i && i.Value.Length > _options.MaxIriLength)
            throw Error(at, $"IRI longer than the limit of {_options.MaxIriLength} characters (RdfReadOptions.MaxIriLength)");
        if (n is LiteralNode l)
        {
            if (l.Value.Length > _options.MaxLiteralLength)
                throw Error(at, $"literal longer than the limit of {_options.MaxLiteralLength} characters (RdfReadOptions.MaxLiteralLength)");
            CheckLength(at, l.Datatype);
        }
    }

    private static LiteralNode PlainLiteral(string value, Scope scope) =>
        scope.Lang is null ? new LiteralNode(value) : LiteralNode.LangString(value, scope.Lang);

    private BlankNode NewBlank() => _blanks.Fresh();

    private BlankNode NodeId(string label) => _blanks.Named(label);

    private string IdIri(XElementItem e, Scope scope, string id)
    {
        var iri = ResolveIri(e, scope, "#" + id);
        if (!_usedIds.Add(iri))
            throw Error(e, $"rdf:ID \"{id}\" is used twice with the same base IRI ({iri}).");
        return iri;
    }

    private string ResolveIri(XElementItem e, Scope scope, string reference)
    {
        // Only a relative reference is resolved (RDF/XML §5.3, as in Turtle and N-Triples): an absolute IRI is the
        // term as written, so <http://x/a/.> keeps its dot segment and reads back as it was written.
        if (Iri.IsAbsolute(reference)) return reference;
        if (scope.Base is null)
            throw Error(e, $"The relative IRI \"{reference}\" cannot be resolved: the document has no base IRI.");
        return Iri.Resolve(scope.Base, reference);
    }

    private string ElementIri(XElementItem e)
    {
        if (e.Namespace.Length == 0)
            throw Error(e, $"The element {e.LocalName} has no namespace, so it names no IRI.");
        return e.Iri;
    }

    private void CheckNcName(XAttr a, string what)
    {
        if (!XmlNames.IsNcName(a.Value))
            throw Error(a.Line, a.Column, $"The value of {what} \"{a.Value}\" is not an XML NCName.");
    }

    private void CheckDepth(XElementItem e, int depth)
    {
        if (depth > _options.MaxDepth)
            throw Error(e, $"RDF/XML is nested more than {_options.MaxDepth} levels deep.");
    }

    private void RejectText(XNodeItem item)
    {
        if (item is XTextItem t && !string.IsNullOrWhiteSpace(t.Text.ToString()))
            throw Error(t.Line, t.Column, "Text is not allowed here: a node element or property element was expected.");
    }

    private void Warn(int line, int column, string message) =>
        _options.Warning?.Invoke(new RdfParseException(message, _options.SourceName, line, column));

    private RdfParseException Error(XNodeItem at, string message) => Error(at.Line, at.Column, message);

    private RdfParseException Error(int line, int column, string message) =>
        new(message, _options.SourceName, line, column);

    private static string QName(XElementItem e) => e.Prefix.Length == 0 ? e.LocalName : e.Prefix + ":" + e.LocalName;

    private static string Name(XAttr a) => a.Prefix.Length == 0 ? a.LocalName : a.Prefix + ":" + a.LocalName;
}
