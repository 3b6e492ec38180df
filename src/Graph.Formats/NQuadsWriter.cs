using System.Runtime.CompilerServices;
using System.Text;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>
/// Streaming canonical N-Triples / N-Quads writer: one statement per line, terms in canonical form, so it can sit
/// directly behind a reader as an <see cref="IRdfSink"/> and convert any size of input in constant memory.
/// </summary>
public sealed class NQuadsWriter : IRdfSink, IDisposable
{
    private const int FlushAt = 1 << 15;

    private readonly TextWriter _out;
    private readonly bool _quads;
    private readonly StringBuilder _sb = new(FlushAt * 2);

    /// <param name="quads">N-Quads when true; N-Triples otherwise (then a quad in a named graph is an error).</param>
    public NQuadsWriter(TextWriter output, bool quads)
    {
        _out = output;
        _quads = quads;
    }

    public long Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Quad(in Quad quad)
    {
        if (quad.Graph is not null && !_quads)
            throw new InvalidOperationException("N-Triples cannot hold named graphs: write N-Quads or TriG instead.");
        NTriplesTerms.AppendTerm(_sb, quad.Subject);
        _sb.Append(' ');
        NTriplesTerms.AppendIri(_sb, quad.Predicate.Value);
        _sb.Append(' ');
        NTriplesTerms.AppendTerm(_sb, quad.Object);
        if (quad.Graph is not null)
        {
            _sb.Append(' ');
            NTriplesTerms.AppendTerm(_sb, quad.Graph);
        }
        _sb.Append(" .\n");
        Count++;
        if (_sb.Length >= FlushAt) FlushBuffer();
    }

    private void FlushBuffer()
    {
        foreach (var chunk in _sb.GetChunks()) _out.Write(chunk.Span);
        _sb.Clear();
    }

    /// <summary>Writes out what is buffered (the TextWriter itself is not flushed or closed).</summary>
    public void Flush() => FlushBuffer();

    public void Dispose() => FlushBuffer();

    /// <summary>Writes <paramref name="statements"/> in the given order.</summary>
    public static void Write(IEnumerable<Quad> statements, TextWriter output, bool quads)
    {
        var w = new NQuadsWriter(output, quads);
        foreach (var q in statements) w.Quad(q);
        w.Flush();
    }

    /// <summary>The canonical N-Triples/N-Quads line of one quad, without the newline.</summary>
    public static string Line(in Quad quad)
    {
        var sb = new StringBuilder();
        NTriplesTerms.AppendTerm(sb, quad.Subject);
        sb.Append(' ');
        NTriplesTerms.AppendIri(sb, quad.Predicate.Value);
        sb.Append(' ');
        NTriplesTerms.AppendTerm(sb, quad.Object);
        if (quad.Graph is not null)
        {
            sb.Append(' ');
            NTriplesTerms.AppendTerm(sb, quad.Graph);
        }
        return sb.Append(" .").ToString();
    }
}
