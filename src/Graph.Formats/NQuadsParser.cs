using System.Runtime.CompilerServices;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>
/// N-Triples and N-Quads (RDF 1.1, plus RDF 1.2 triple terms and base directions), line by line in constant memory.
/// </summary>
internal sealed class NQuadsParser : TermLexer
{
    private readonly bool _quads;
    private readonly IRdfSink _sink;
    private readonly List<(INode S, IriNode P)> _nested = [];

    public NQuadsParser(Stream stream, RdfReadOptions options, bool quads, IRdfSink sink) : base(stream, options)
    {
        _quads = quads;
        _sink = sink;
    }

    public NQuadsParser(TextReader reader, RdfReadOptions options, bool quads, IRdfSink sink) : base(reader, options)
    {
        _quads = quads;
        _sink = sink;
    }

    private string What => _quads ? "N-Quads" : "N-Triples";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Parse()
    {
        while (true)
        {
            SkipSpaces();
            var c = Peek();
            if (c == Eof) return;
            if (c == '\n' || c == '\r') { NewLine((char)c, Pos); Pos++; continue; }
            if (c == '#') { SkipComment(); continue; }
            ParseStatement();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseStatement()
    {
        var c = Peek();
        INode subject;
        if (c == '<')
        {
            if (PeekAt(1) == '<') throw Error("a triple term cannot be a subject");
            subject = ReadIri();
        }
        else if (c == '_') subject = Terms.Blank(ReadBlankNodeLabelText());
        else throw Error($"expected a subject (an IRI or a blank node), found {Describe(c)}");
        SkipSpaces();
        if (Peek() != '<') throw Error($"expected a predicate IRI, found {Describe(Peek())}");
        var predicate = ReadIri();
        SkipSpaces();
        var obj = ReadObject();
        SkipSpaces();
        INode? graph = null;
        c = Peek();
        if (_quads && (c == '<' || c == '_'))
        {
            graph = c == '<' ? ReadIri() : Terms.Blank(ReadBlankNodeLabelText());
            SkipSpaces();
            c = Peek();
        }
        if (c != '.')
            throw Error(_quads && graph is null ? $"expected a graph label or '.', found {Describe(c)}" : $"expected '.' to end the statement, found {Describe(c)}");
        Pos++;
        SkipSpaces();
        c = Peek();
        if (c == '#') SkipComment();
        else if (c != '\n' && c != '\r' && c != Eof) throw Error($"expected the end of the line after '.', found {Describe(c)}");
        _sink.Quad(new Quad(subject, predicate, obj, graph));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private IriNode ReadIri()
    {
        var start = AbsPos;
        var text = ReadIriRefText();
        if (!Iri.IsAbsolute(text)) throw ErrorAtAbs(start, $"relative IRI <{text}> is not allowed in {What}");
        return Terms.Iri(text);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private INode ReadObject()
    {
        // Triple terms nest only in object position, so a list of (subject, predicate) pairs replaces recursion.
        _nested.Clear();
        while (true)
        {
            var c = Peek();
            if (c == '<' && PeekAt(1) == '<')
            {
                if (PeekAt(2) != '(') throw Error("expected '<<(' to start a triple term");
                Pos += 3;
                SkipSpaces();
                c = Peek();
                INode s;
                if (c == '<')
                {
                    if (PeekAt(1) == '<') throw Error("the subject of a triple term cannot be a triple term");
                    s = ReadIri();
                }
                else if (c == '_') s = Terms.Blank(ReadBlankNodeLabelText());
                else throw Error($"expected the subject of a triple term, found {Describe(c)}");
                SkipSpaces();
                if (Peek() != '<' || PeekAt(1) == '<') throw Error($"expected a predicate IRI, found {Describe(Peek())}");
                var p = ReadIri();
                SkipSpaces();
                if (_nested.Count >= TurtleParser.MaxTripleNesting) throw Error($"triple terms nested more than {TurtleParser.MaxTripleNesting} deep");
                _nested.Add((s, p));
                continue;
            }
            INode o;
            if (c == '<') o = ReadIri();
            else if (c == '_') o = Terms.Blank(ReadBlankNodeLabelText());
            else if (c == '"') o = ReadLiteral();
            else throw Error($"expected an object (IRI, blank node, literal or triple term), found {Describe(c)}");
            for (var i = _nested.Count - 1; i >= 0; i--)
            {
                SkipSpaces();
                if (Peek() != ')' || PeekAt(1) != '>' || PeekAt(2) != '>') throw Error($"expected ')>>' to close the triple term, found {Describe(Peek())}");
                Pos += 3;
                o = new TripleNode(new Triple(_nested[i].S, _nested[i].P, o));
            }
            return o;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private LiteralNode ReadLiteral()
    {
        var lexical = ReadStringText(allowLong: false).ToString();
        SkipSpaces();
        var c = Peek();
        if (c == '@')
        {
            var lang = ReadLangDir(out var dir);
            return LiteralNode.LangString(lexical, lang, dir);
        }
        if (c == '^')
        {
            if (PeekAt(1) != '^') throw Error("expected '^^' before a datatype IRI");
            Pos += 2;
            SkipSpaces();
            if (Peek() != '<') throw Error($"expected a datatype IRI, found {Describe(Peek())}");
            var start = AbsPos;
            var dt = ReadIri();
            if (dt.Value is Vocab.Rdf.LangString or Vocab.Rdf.DirLangString)
                throw ErrorAtAbs(start, $"datatype {dt.Value} needs a language tag instead");
            return ReferenceEquals(dt, Vocab.Xsd.StringNode) ? new LiteralNode(lexical) : LiteralNode.Typed(lexical, dt);
        }
        return new LiteralNode(lexical);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SkipSpaces()
    {
        while (true)
        {
            var c = Peek();
            if (c == ' ' || c == '\t') Pos++;
            else return;
        }
    }

    private void SkipComment()
    {
        while (true)
        {
            var c = Peek();
            if (c == Eof || c == '\n' || c == '\r') return;
            Pos++;
        }
    }
}
