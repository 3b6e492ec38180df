using Graph.Rdf;
using Graph.Sparql.Algebra;

namespace Graph.Sparql.Update;

/// <summary>A triple template in a graph: <see cref="Graph"/> null means the default graph (or the WITH graph).</summary>
public sealed record QuadPattern(TriplePattern Triple, Term? Graph);

/// <summary>Which graphs CLEAR and DROP act on.</summary>
public enum GraphScope { Graph, Default, Named, All }

/// <summary>One operation of an update request (SPARQL 1.1 Update §3).</summary>
public abstract record UpdateOperation(bool Silent);

public sealed record InsertDataOp(IReadOnlyList<QuadPattern> Quads) : UpdateOperation(false);

public sealed record DeleteDataOp(IReadOnlyList<QuadPattern> Quads) : UpdateOperation(false);

/// <summary>DELETE/INSERT ... WHERE, and DELETE WHERE (whose delete template is its pattern).</summary>
public sealed record ModifyOp(
    IriNode? With,
    IReadOnlyList<QuadPattern> Delete,
    IReadOnlyList<QuadPattern> Insert,
    IReadOnlyList<IriNode> Using,
    IReadOnlyList<IriNode> UsingNamed,
    Op Where) : UpdateOperation(false);

public sealed record LoadOp(IriNode Source, IriNode? Into, bool IsSilent) : UpdateOperation(IsSilent);

public sealed record ClearOp(GraphScope Scope, IriNode? Graph, bool IsSilent, bool Drop) : UpdateOperation(IsSilent);

public sealed record CreateOp(IriNode Graph, bool IsSilent) : UpdateOperation(IsSilent);

public enum TransferKind { Add, Copy, Move }

/// <summary>ADD, COPY, MOVE: a null graph is DEFAULT.</summary>
public sealed record TransferOp(TransferKind Kind, IriNode? From, IriNode? To, bool IsSilent) : UpdateOperation(IsSilent);

/// <summary>A parsed update request: its operations in order.</summary>
public sealed class UpdateRequest
{
    public required IReadOnlyList<UpdateOperation> Operations { get; init; }
}
