using Graph.Formats;
using Graph.Rdf;

namespace Graph.Sparql.Update;

/// <summary>
/// Reads what LOAD names: a local file by its file: IRI, or an http(s) document from an allow-listed host only
/// (a server must not become a proxy to arbitrary hosts).
/// </summary>
internal static class UpdateLoader
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static List<Quad> Read(IriNode source, UpdateOptions options)
    {
        var sink = new ListSink();
        var iri = source.Value;
        try
        {
            if (DatasetFiles.LocalPath(iri) is { } path)
            {
                if (!options.AllowFileLoad) throw new UpdateException($"LOAD <{iri}>: loading local files is not allowed here");
                if (!File.Exists(path)) throw new UpdateException($"LOAD <{iri}>: no such file");
                DatasetFiles.Parse(path, iri, sink);
                return sink.Quads;
            }
            if (!Uri.TryCreate(iri, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new UpdateException($"LOAD <{iri}>: only file:, http: and https: IRIs can be loaded");
            if (!options.AllowedLoadHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
                throw new UpdateException($"LOAD <{iri}>: host {uri.Host} is not in the allow-list");
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("Accept", "text/turtle, application/n-triples, application/n-quads, application/trig;q=0.9, application/rdf+xml;q=0.8");
            using var response = s_http.Send(request);
            if (!response.IsSuccessStatusCode) throw new UpdateException($"LOAD <{iri}>: HTTP {(int)response.StatusCode}");
            var media = response.Content.Headers.ContentType?.MediaType;
            var info = (media is null ? null : RdfFormats.FromMediaType(media)) ?? RdfFormats.FromPath(uri.AbsolutePath)
                ?? throw new UpdateException($"LOAD <{iri}>: cannot tell the RDF syntax (Content-Type {media ?? "none"})");
            using var stream = response.Content.ReadAsStream();
            RdfReader.Parse(stream, info.Format, iri, sink, iri);
            return sink.Quads;
        }
        catch (RdfParseException e)
        {
            throw new UpdateException($"LOAD <{iri}>: {e.Describe()}", e);
        }
        catch (HttpRequestException e)
        {
            throw new UpdateException($"LOAD <{iri}>: {e.Message}", e);
        }
        catch (TaskCanceledException e)
        {
            throw new UpdateException($"LOAD <{iri}>: timed out", e);
        }
        catch (IOException e)
        {
            throw new UpdateException($"LOAD <{iri}>: {e.Message}", e);
        }
    }

    private sealed class ListSink : IRdfSink
    {
        public List<Quad> Quads { get; } = [];
        public void Quad(in Quad quad) => Quads.Add(quad);
    }
}
