using Graph.Rdf;
using Graph.Sparql.Algebra;
using Graph.Sparql.Evaluation;
using Graph.Sparql.Remote;
using Graph.Sparql.Syntax;
using Graph.Sparql.Update;

namespace Graph.Server.Engine;

/// <summary>
/// The thin adapter from the server's <see cref="ISparqlEngine"/> to Graph.Sparql: parse, apply the protocol's
/// dataset, refuse SERVICE to hosts off the allow-list, evaluate SERVICE to allowed hosts over HTTP (with the
/// server's SERVICE timeout), run on the dataset's snapshot, and translate the engine's errors into the protocol's
/// (400 bad query, 403 refused host, 502 failed remote endpoint, 503 over a limit).
/// </summary>
public sealed class GraphSparqlEngine(bool unionDefaultGraph = false) : ISparqlEngine
{
    public bool SupportsUpdate => true;

    /// <summary>A request that does not parse is the client's fault: 400 with the parser's position and message.</summary>
    private static T ParseOrReject<T>(Func<T> parse, string what)
    {
        try
        {
            return parse();
        }
        catch (RdfParseException e)
        {
            throw new SparqlRequestException(SparqlErrorKind.BadRequest, e.Describe(), e);
        }
        catch (InsufficientExecutionStackException e)
        {
            throw new SparqlRequestException(SparqlErrorKind.BadRequest, $"the {what} is nested too deeply", e);
        }
    }

    public QueryOutcome Query(string query, IServerDataset dataset, RequestOptions options, CancellationToken cancellation)
    {
        var parsed = ParseOrReject(() => QueryParser.Parse(query, "query", options.BaseIri), "query");
        ServiceGuard.Check(parsed.Pattern, options.OutboundHosts);
        if (options.DefaultGraphUris.Count > 0 || options.NamedGraphUris.Count > 0)
            parsed = WithDataset(parsed, options);
        var hosts = options.OutboundHosts;
        var engineOptions = new QueryOptions { Cancellation = cancellation, UnionDefaultGraph = unionDefaultGraph, Services = ServicesFor(options) };
        var result = Guarded(() => QueryEngine.Execute(parsed, dataset.Source, engineOptions), hosts);
        return result.Form switch
        {
            QueryForm.Select => new QueryOutcome.Bindings(result.Variables, Guarded(result.Rows, hosts)),
            QueryForm.Ask => new QueryOutcome.Boolean(Guarded(() => result.Boolean, hosts)),
            _ => new QueryOutcome.Triples(Guarded(result.Triples, hosts), parsed.Prefixes),
        };
    }

    /// <summary>
    /// Evaluates the update once, in one store transaction; the dataset journals its net change (durable mode) inside
    /// that transaction before publishing it, so an acknowledged update is exactly what is replayed.
    /// </summary>
    public ChangeSet Update(string update, IServerDataset dataset, RequestOptions options, CancellationToken cancellation)
    {
        var request = ParseOrReject(() => UpdateParser.Parse(update, "update", options.BaseIri), "update");
        foreach (var op in request.Operations)
            if (op is LoadOp load)
                options.OutboundHosts.Demand(load.Source.Value, "LOAD");
        var updateOptions = new UpdateOptions
        {
            AllowFileLoad = false,
            AllowedLoadHosts = options.OutboundHosts.Hosts,
            Query = new QueryOptions { Cancellation = cancellation, UnionDefaultGraph = unionDefaultGraph, Services = ServicesFor(options) },
        };
        try
        {
            return Guarded(() => dataset.Transact(txn => UpdateExecutor.Execute(request, txn, updateOptions)), options.OutboundHosts);
        }
        catch (UpdateException e)
        {
            throw new SparqlRequestException(SparqlErrorKind.BadRequest, e.Message, e);
        }
    }

    /// <summary>default-graph-uri and named-graph-uri replace the query's FROM and FROM NAMED (SPARQL 1.1 Protocol §2.1.4).</summary>
    private static Query WithDataset(Query q, RequestOptions o) => new()
    {
        Form = q.Form,
        Pattern = q.Pattern,
        Variables = q.Variables,
        Template = q.Template,
        DescribeTerms = q.DescribeTerms,
        From = o.DefaultGraphUris.Select(i => new IriNode(i)).ToList(),
        FromNamed = o.NamedGraphUris.Select(i => new IriNode(i)).ToList(),
        BaseIri = q.BaseIri,
        Prefixes = q.Prefixes,
    };

    private readonly Lock _servicesLock = new();
    private (HostAllowList Hosts, TimeSpan Timeout, ServiceExecutor Executor)? _services;

    /// <summary>
    /// The SERVICE handler for a request: one HTTP client per allow-list and timeout, reused across requests (a
    /// client per query would exhaust sockets). It allows exactly the hosts the server allows; no answer is cached.
    /// </summary>
    private ServiceExecutor? ServicesFor(RequestOptions options)
    {
        if (options.OutboundHosts.Hosts.Count == 0) return null;
        lock (_servicesLock)
        {
            if (_services is { } s && ReferenceEquals(s.Hosts, options.OutboundHosts) && s.Timeout == options.ServiceTimeout) return s.Executor;
            var client = new SparqlHttpClient(new SparqlClientOptions
            {
                AllowList = new EndpointAllowList(options.OutboundHosts.Hosts),
                Timeout = options.ServiceTimeout,
            });
            _services = (options.OutboundHosts, options.ServiceTimeout, new ServiceExecutor(client));
            return _services.Value.Executor;
        }
    }

    private static T Guarded<T>(Func<T> run, HostAllowList hosts)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (Translate(e, hosts) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>Rows are produced lazily, so the engine's errors surface while the server reads them: translate them there too.</summary>
    private static IEnumerable<T> Guarded<T>(IEnumerable<T> items, HostAllowList hosts)
    {
        using var e = Guarded(items.GetEnumerator, hosts);
        while (true)
        {
            T current;
            try
            {
                if (!e.MoveNext()) yield break;
                current = e.Current;
            }
            catch (Exception ex) when (Translate(ex, hosts) is { } mapped)
            {
                throw mapped;
            }
            yield return current;
        }
    }

    private static SparqlRequestException Remote(RemoteEndpointException r, HostAllowList hosts) =>
        // An endpoint chosen by a variable is only known while the query runs: the allow-list is checked again there.
        hosts.Allows(r.Endpoint)
            ? new SparqlRequestException(SparqlErrorKind.RemoteFailed, "SERVICE " + r.Message, r)
            : new SparqlRequestException(SparqlErrorKind.Forbidden, $"SERVICE <{r.Endpoint}> refused: the host is not on this server's allow-list", r);

    private static SparqlRequestException? Translate(Exception e, HostAllowList hosts) => e switch
    {
        // The engine reports a failed SERVICE as a QueryLimitException around the endpoint's error.
        QueryLimitException { InnerException: RemoteEndpointException r } => Remote(r, hosts),
        RemoteEndpointException r => Remote(r, hosts),
        QueryLimitException q => new SparqlRequestException(SparqlErrorKind.TooCostly, q.Message, q),
        RdfParseException p => new SparqlRequestException(SparqlErrorKind.BadRequest, p.Describe(), p),
        InsufficientExecutionStackException s => new SparqlRequestException(SparqlErrorKind.BadRequest, "the query is nested too deeply", s),
        _ => null,
    };
}

/// <summary>Finds SERVICE clauses before anything runs: one whose host is not allowed is refused (no server-side request forgery).</summary>
internal static class ServiceGuard
{
    public static void Check(Op root, HostAllowList allowed)
    {
        var stack = new Stack<Op>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case ServiceOp s:
                    var endpoint = s.Endpoint.ToString();
                    // A variable endpoint is checked when it is bound (SparqlHttpClient's allow-list, then Translate).
                    if (endpoint.Length > 1 && endpoint[0] == '<') allowed.Demand(endpoint[1..^1], "SERVICE");
                    else if (allowed.Hosts.Count == 0) allowed.Demand(endpoint, "SERVICE");
                    stack.Push(s.Inner);
                    break;
                case JoinOp j: stack.Push(j.Left); stack.Push(j.Right); break;
                case LeftJoinOp l: stack.Push(l.Left); stack.Push(l.Right); break;
                case UnionOp u: stack.Push(u.Left); stack.Push(u.Right); break;
                case MinusOp m: stack.Push(m.Left); stack.Push(m.Right); break;
                case FilterOp f: stack.Push(f.Inner); break;
                case GraphOp g: stack.Push(g.Inner); break;
                case ExtendOp x: stack.Push(x.Inner); break;
                case GroupOp g: stack.Push(g.Inner); break;
                case OrderByOp o: stack.Push(o.Inner); break;
                case ProjectOp p: stack.Push(p.Inner); break;
                case DistinctOp d: stack.Push(d.Inner); break;
                case SliceOp s: stack.Push(s.Inner); break;
            }
        }
    }
}
