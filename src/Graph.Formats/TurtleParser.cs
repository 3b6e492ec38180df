using System.Runtime.CompilerServices;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>
/// Turtle and TriG (RDF 1.1 and 1.2: triple terms, reified triples, annotations, base direction, VERSION).
/// Nesting ([ ], ( ), &lt;&lt; &gt;&gt;, {| |}) lives on an explicit stack of frames, so deep input cannot
/// overflow the call stack.
/// </summary>
internal sealed partial class TurtleParser : TermLexer
{
    private enum Kind : byte { Statement, BlankNodeProperties, Annotation, Collection, Reified, TripleTerm }

    private enum State : byte { Subject, Verb, Object, AfterObject, OptionalProperties }

    /// <summary>How a term reached its parent frame: graph names and optional property lists depend on it.</summary>
    private enum From : byte { Atom, BlankNodeProperties, Collection, Reified, TripleTerm }

    [Flags]
    private enum Allow : byte
    {
        Iri = 1, Blank = 2, Literal = 4, Collection = 8, BlankNodeProperties = 16, Reified = 32, TripleTerm = 64,
        Subject = Iri | Blank | Collection | BlankNodeProperties | Reified,
        Object = Iri | Blank | Literal | Collection | BlankNodeProperties | Reified | TripleTerm,
        ReifiedSubject = Iri | Blank | Reified,
        ReifiedObject = Iri | Blank | Literal | Reified | TripleTerm,
        TripleTermSubject = Iri | Blank,
        TripleTermObject = Iri | Blank | Literal | TripleTerm,
    }

    private sealed class Frame
    {
        public Kind Kind;
        public State State;
        public INode? S;
        public IriNode? P;
        public INode? O;
        public INode? Head, Tail;
        public INode? Reifier;
        public bool ReifierUsed;

        public void Reset(Kind kind, State state)
        {
            Kind = kind;
            State = state;
            S = O = Head = Tail = Reifier = null;
            P = null;
            ReifierUsed = false;
        }
    }

    private readonly bool _trig;
    private readonly IRdfSink _sink;
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _prefixBySpan;
    private readonly List<Frame> _frames = [];
    private int _depth;
    private string? _base;
    private INode? _graph;
    private bool _inGraphBlock;

    public TurtleParser(Stream stream, RdfReadOptions options, bool trig, IRdfSink sink) : base(stream, options)
    {
        _trig = trig;
        _sink = sink;
        _base = options.BaseIri;
        _prefixBySpan = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public TurtleParser(TextReader reader, RdfReadOptions options, bool trig, IRdfSink sink) : base(reader, options)
    {
        _trig = trig;
        _sink = sink;
        _base = options.BaseIri;
        _prefixBySpan = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private Frame Top => _frames[_depth - 1];

    /// <summary>Triple terms are hashed and compared recursively by the model, so their nesting is bounded here.</summary>
    internal const int MaxTripleNesting = 1000;

    private int _tripleNesting;

    private Frame Push(Kind kind, State state)
    {
        if (kind is Kind.Reified or Kind.TripleTerm && ++_tripleNesting > MaxTripleNesting)
            throw Error($"triple terms nested more than {MaxTripleNesting} deep");
        if (_depth == _frames.Count) _frames.Add(new Frame());
        var f = _frames[_depth++];
        f.Reset(kind, state);
        return f;
    }

    private void Pop()
    {
        if (_frames[--_depth].Kind is Kind.Reified or Kind.TripleTerm) _tripleNesting--;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Parse()
    {
        while (true)
        {
            if (_depth == 0)
            {
                SkipWs();
                var c = Peek();
                if (c == Eof)
                {
                    if (_inGraphBlock) throw Error("unexpected end of input: expected '}' to close the graph");
                    return;
                }
                if (_inGraphBlock && c == '}')
                {
                    Pos++;
                    _inGraphBlock = false;
                    _graph = null;
                    continue;
                }
                if (c == '@')
                {
                    if (_inGraphBlock) throw Error("directives are not allowed inside a graph");
                    ParseAtDirective();
                    continue;
                }
                if (_trig && c == '{')
                {
                    if (_inGraphBlock) throw Error("graphs cannot nest: expected a triple or '}'");
                    Pos++;
                    _inGraphBlock = true;
                    _graph = null;
                    continue;
                }
                if (IsNameStart(c))
                {
                    var start = AbsPos;
                    var iri = ReadName(out var word);
                    if (iri is null)
                    {
                        ParseKeywordStatement(word!, start);
                        continue;
                    }
                    Push(Kind.Statement, State.Subject);
                    Deliver(iri, From.Atom);
                    continue;
                }
                Push(Kind.Statement, State.Subject);
            }
            Step();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Step()
    {
        var f = Top;
        switch (f.State)
        {
            case State.Subject:
            {
                SkipWs();
                var allow = f.Kind switch
                {
                    Kind.Reified => Allow.ReifiedSubject,
                    Kind.TripleTerm => Allow.TripleTermSubject,
                    _ => Allow.Subject,
                };
                var node = ReadTerm(allow, f.Kind == Kind.Statement ? "a subject" : "the subject of a " + KindName(f.Kind));
                if (node is not null) Deliver(node, From.Atom);
                return;
            }
            case State.Verb:
                SkipWs();
                f.P = ReadVerb();
                f.State = State.Object;
                return;
            case State.Object:
            {
                SkipWs();
                if (f.Kind == Kind.Collection && Peek() == ')')
                {
                    Pos++;
                    if (f.Tail is not null) Emit(f.Tail, Vocab.Rdf.RestNode, Vocab.Rdf.NilNode);
                    var head = f.Head ?? Vocab.Rdf.NilNode;
                    Pop();
                    Deliver(head, From.Collection);
                    return;
                }
                var allow = f.Kind switch
                {
                    Kind.Reified => Allow.ReifiedObject,
                    Kind.TripleTerm => Allow.TripleTermObject,
                    _ => Allow.Object,
                };
                var node = ReadTerm(allow, f.Kind == Kind.Collection ? "a collection item or ')'" : "an object");
                if (node is not null) Deliver(node, From.Atom);
                return;
            }
            case State.AfterObject:
                SkipWs();
                AfterObject(f);
                return;
            case State.OptionalProperties:
                SkipWs();
                if (IsTerminator(f)) EndFrame(f);
                else f.State = State.Verb;
                return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AfterObject(Frame f)
    {
        var c = Peek();
        switch (f.Kind)
        {
            case Kind.Reified:
            {
                INode? reifier = null;
                if (c == '~')
                {
                    Pos++;
                    SkipWs();
                    reifier = ReadOptionalReifier();
                    SkipWs();
                    c = Peek();
                }
                if (c != '>' || PeekAt(1) != '>') throw Error($"expected '>>' to close the reified triple, found {Describe(c)}");
                Pos += 2;
                reifier ??= Terms.FreshBlank();
                Emit(reifier, Vocab.Rdf.ReifiesNode, new TripleNode(new Triple(f.S!, f.P!, f.O!)));
                Pop();
                Deliver(reifier, From.Reified);
                return;
            }
            case Kind.TripleTerm:
            {
                if (c != ')' || PeekAt(1) != '>' || PeekAt(2) != '>') throw Error($"expected ')>>' to close the triple term, found {Describe(c)}");
                Pos += 3;
                var term = new TripleNode(new Triple(f.S!, f.P!, f.O!));
                Pop();
                Deliver(term, From.TripleTerm);
                return;
            }
        }
        if (c == '~')
        {
            Pos++;
            SkipWs();
            var r = ReadOptionalReifier() ?? Terms.FreshBlank();
            Emit(r, Vocab.Rdf.ReifiesNode, new TripleNode(new Triple(f.S!, f.P!, f.O!)));
            f.Reifier = r;
            f.ReifierUsed = false;
            return;
        }
        if (c == '{' && PeekAt(1) == '|')
        {
            Pos += 2;
            INode r;
            if (f.Reifier is not null && !f.ReifierUsed) r = f.Reifier;
            else
            {
                r = Terms.FreshBlank();
                Emit(r, Vocab.Rdf.ReifiesNode, new TripleNode(new Triple(f.S!, f.P!, f.O!)));
                f.Reifier = r;
            }
            f.ReifierUsed = true;
            var a = Push(Kind.Annotation, State.Verb);
            a.S = r;
            return;
        }
        if (c == ',')
        {
            Pos++;
            f.Reifier = null;
            f.State = State.Object;
            return;
        }
        if (c == ';')
        {
            Pos++;
            f.Reifier = null;
            while (true)
            {
                SkipWs();
                if (Peek() != ';') break;
                Pos++;
            }
            if (IsTerminator(f)) EndFrame(f);
            else f.State = State.Verb;
            return;
        }
        if (IsTerminator(f))
        {
            EndFrame(f);
            return;
        }
        throw Error($"expected ',', ';' or {TerminatorName(f)}, found {Describe(c)}");
    }

    private INode? ReadOptionalReifier()
    {
        var c = Peek();
        if (c == '<' && PeekAt(1) != '<') return ResolveIri(ReadIriRefText());
        if (c == '_') return Terms.Blank(ReadBlankNodeLabelText());
        if (c == '[')
        {
            var k = 1;
            while (PeekAt(k) is ' ' or '\t' or '\n' or '\r') k++;
            if (PeekAt(k) == ']')
            {
                for (var i = 0; i < k; i++)
                    if (PeekAt(i) is '\n' or '\r') NewLine((char)PeekAt(i), Pos + i);
                Pos += k + 1;
                return Terms.FreshBlank();
            }
            return null;
        }
        if (IsNameStart(c))
        {
            var iri = ReadName(out var word);
            return iri ?? throw Error($"expected a reifier IRI, found '{word}'");
        }
        return null;
    }

    private bool IsTerminator(Frame f)
    {
        var c = Peek();
        return f.Kind switch
        {
            Kind.Statement => c == '.' || (_inGraphBlock && c == '}'),
            Kind.BlankNodeProperties => c == ']',
            Kind.Annotation => c == '|' && PeekAt(1) == '}',
            _ => false,
        };
    }

    private string TerminatorName(Frame f) => f.Kind switch
    {
        Kind.Statement => _inGraphBlock ? "'.' or '}'" : "'.'",
        Kind.BlankNodeProperties => "']'",
        Kind.Annotation => "'|}'",
        _ => "the end",
    };

    private void EndFrame(Frame f)
    {
        switch (f.Kind)
        {
            case Kind.Statement:
                if (Peek() == '.') Pos++;
                Pop();
                return;
            case Kind.BlankNodeProperties:
                Pos++;
                Pop();
                Deliver(f.S!, From.BlankNodeProperties);
                return;
            case Kind.Annotation:
                Pos += 2;
                Pop();
                return;
        }
    }

    /// <summary>Hands a finished term to the frame on top of the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Deliver(INode node, From from)
    {
        var f = Top;
        if (f.Kind == Kind.Collection)
        {
            var cell = Terms.FreshBlank();
            if (f.Tail is null) f.Head = cell;
            else Emit(f.Tail, Vocab.Rdf.RestNode, cell);
            Emit(cell, Vocab.Rdf.FirstNode, node);
            f.Tail = cell;
            return;
        }
        if (f.State == State.Subject)
        {
            f.S = node;
            if (f.Kind != Kind.Statement)
            {
                f.State = State.Verb;
                return;
            }
            if (_trig && !_inGraphBlock && _depth == 1 && from == From.Atom)
            {
                SkipWs();
                if (Peek() == '{')
                {
                    Pos++;
                    Pop();
                    _graph = node;
                    _inGraphBlock = true;
                    return;
                }
            }
            f.State = from is From.BlankNodeProperties or From.Reified ? State.OptionalProperties : State.Verb;
            return;
        }
        // State.Object
        f.O = node;
        f.State = State.AfterObject;
        if (f.Kind is Kind.Reified or Kind.TripleTerm) return;
        Emit(f.S!, f.P!, node);
        f.Reifier = null;
        f.ReifierUsed = false;
    }

    private void Emit(INode s, IriNode p, INode o) => _sink.Quad(new Quad(s, p, o, _graph));

    private static string KindName(Kind k) => k switch
    {
        Kind.Reified => "reified triple",
        Kind.TripleTerm => "triple term",
        _ => "statement",
    };

    /// <summary>Reads a term, or opens a nested construct (pushing its frame) and returns null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private INode? ReadTerm(Allow allow, string what)
    {
        var c = Peek();
        switch (c)
        {
            case '<':
                if (PeekAt(1) == '<')
                {
                    if (PeekAt(2) == '(')
                    {
                        if ((allow & Allow.TripleTerm) == 0) throw Error($"a triple term is not allowed here: expected {what}");
                        Pos += 3;
                        Push(Kind.TripleTerm, State.Subject);
                        return null;
                    }
                    if ((allow & Allow.Reified) == 0) throw Error($"a reified triple is not allowed here: expected {what}");
                    Pos += 2;
                    Push(Kind.Reified, State.Subject);
                    return null;
                }
                return ResolveIri(ReadIriRefText());
            case '_':
                return Terms.Blank(ReadBlankNodeLabelText());
            case '[':
            {
                Pos++;
                SkipWs();
                if (Peek() == ']')
                {
                    Pos++;
                    return Terms.FreshBlank();
                }
                if ((allow & Allow.BlankNodeProperties) == 0) throw Error($"a blank node property list is not allowed here: expected {what}");
                var f = Push(Kind.BlankNodeProperties, State.Verb);
                f.S = Terms.FreshBlank();
                return null;
            }
            case '(':
                if ((allow & Allow.Collection) == 0) throw Error($"a collection is not allowed here: expected {what}");
                Pos++;
                Push(Kind.Collection, State.Object);
                return null;
            case '"':
            case '\'':
                if ((allow & Allow.Literal) == 0) throw Error($"a literal is not allowed here: expected {what}");
                return ReadRdfLiteral();
            case >= '0' and <= '9':
            case '+':
            case '-':
                if ((allow & Allow.Literal) == 0) throw Error($"a literal is not allowed here: expected {what}");
                return ReadNumber();
            case '.':
                if (PeekAt(1) is >= '0' and <= '9')
                {
                    if ((allow & Allow.Literal) == 0) throw Error($"a literal is not allowed here: expected {what}");
                    return ReadNumber();
                }
                break;
        }
        if (IsNameStart(c))
        {
            var start = AbsPos;
            var iri = ReadName(out var word);
            if (iri is not null) return iri;
            if (word is "true" or "false")
            {
                if ((allow & Allow.Literal) == 0) throw ErrorAtAbs(start, $"a literal is not allowed here: expected {what}");
                return LiteralNode.Typed(word, Vocab.Xsd.BooleanNode);
            }
            throw ErrorAtAbs(start, $"expected {what}, found '{word}'");
        }
        throw Error($"expected {what}, found {Describe(c)}");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private IriNode ReadVerb()
    {
        var c = Peek();
        if (c == '<' && PeekAt(1) != '<') return ResolveIri(ReadIriRefText());
        if (IsNameStart(c))
        {
            var start = AbsPos;
            var iri = ReadName(out var word);
            if (iri is not null) return iri;
            if (word == "a") return Vocab.Rdf.TypeNode;
            throw ErrorAtAbs(start, $"expected a predicate, found '{word}'");
        }
        throw Error($"expected a predicate (an IRI or 'a'), found {Describe(c)}");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private LiteralNode ReadRdfLiteral()
    {
        var start = AbsPos;
        var lexical = ReadStringText(allowLong: true).ToString();
        SkipWs();
        var c = Peek();
        if (c == '@')
        {
            var lang = ReadLangDir(out var dir);
            return LiteralNode.LangString(lexical, lang, dir);
        }
        if (c == '^' && PeekAt(1) == '^')
        {
            Pos += 2;
            SkipWs();
            c = Peek();
            IriNode dt;
            if (c == '<' && PeekAt(1) != '<') dt = ResolveIri(ReadIriRefText());
            else if (IsNameStart(c))
            {
                dt = ReadName(out var word) ?? throw Error($"expected a datatype IRI, found '{word}'");
            }
            else throw Error($"expected a datatype IRI after '^^', found {Describe(c)}");
            if (dt.Value is Vocab.Rdf.LangString or Vocab.Rdf.DirLangString)
                throw ErrorAtAbs(start, $"datatype {dt.Value} needs a language tag instead");
            return ReferenceEquals(dt, Vocab.Xsd.StringNode) ? new LiteralNode(lexical) : LiteralNode.Typed(lexical, dt);
        }
        return new LiteralNode(lexical);
    }

    private LiteralNode ReadNumber()
    {
        TokenStart = AbsPos;
        ScratchLen = 0;
        ScratchForLiteral();
        var c = Peek();
        if (c == '+' || c == '-') { ScratchAdd((char)c); Pos++; }
        var intDigits = ReadDigits();
        var fracDigits = -1;
        var exponent = false;
        if (Peek() == '.')
        {
            var n = PeekAt(1);
            if (n is >= '0' and <= '9')
            {
                ScratchAdd('.');
                Pos++;
                fracDigits = ReadDigits();
            }
            else if (intDigits > 0 && n is 'e' or 'E' && (PeekAt(2) is >= '0' and <= '9' || (PeekAt(2) is '+' or '-' && PeekAt(3) is >= '0' and <= '9')))
            {
                ScratchAdd('.');
                Pos++;
                fracDigits = 0;
            }
        }
        if (intDigits == 0 && fracDigits <= 0) throw Error($"expected a number, found {Describe(Peek())}");
        c = Peek();
        if (c == 'e' || c == 'E')
        {
            ScratchAdd((char)c);
            Pos++;
            c = Peek();
            if (c == '+' || c == '-') { ScratchAdd((char)c); Pos++; }
            if (ReadDigits() == 0) throw Error($"expected the digits of an exponent, found {Describe(Peek())}");
            exponent = true;
        }
        var text = ScratchSpan.ToString();
        var dt = exponent ? Vocab.Xsd.DoubleNode : fracDigits >= 0 ? Vocab.Xsd.DecimalNode : Vocab.Xsd.IntegerNode;
        return LiteralNode.Typed(text, dt);
    }

    private int ReadDigits()
    {
        var n = 0;
        while (Peek() is >= '0' and <= '9' and var d)
        {
            ScratchAdd((char)d);
            Pos++;
            n++;
        }
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private IriNode ResolveIri(ReadOnlySpan<char> text)
    {
        if (Iri.IsAbsolute(text)) return Terms.Iri(text);
        if (_base is null) throw ErrorAtAbs(TokenStart, $"relative IRI <{text}> with no base IRI to resolve it against (give one with @base or --base)");
        var resolved = Iri.Resolve(_base, text.ToString());
        CheckIriLength(resolved.Length);
        return Terms.Iri(resolved);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SkipWs()
    {
        while (true)
        {
            var c = Peek();
            switch (c)
            {
                case ' ':
                case '\t':
                    Pos++;
                    continue;
                case '\n':
                case '\r':
                    NewLine((char)c, Pos);
                    Pos++;
                    continue;
                case '#':
                    while (true)
                    {
                        c = Peek();
                        if (c == Eof || c == '\n' || c == '\r') break;
                        Pos++;
                    }
                    continue;
                default:
                    return;
            }
        }
    }
}
