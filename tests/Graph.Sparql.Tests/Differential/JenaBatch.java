// Runs many SPARQL queries in one JVM over one in-memory dataset (Apache Jena ARQ), so a differential batch pays
// the JVM start-up once. Launched by JenaBatchRun.cs as a single-file program:
//   ../shared/tools/jena JenaBatch.java <data.nt> <outDir> <query.rq>...
// For each query q.rq it writes <outDir>/q.srj (SPARQL results JSON) or <outDir>/q.err (Jena's error message).
// A query whose sub-select has a LIMIT runs with ARQ's optimiser off: the optimiser turns a join or OPTIONAL into a
// substitution that evaluates the sub-select once per outer row, so its LIMIT applies per row, where SPARQL's
// bottom-up evaluation (§18.5) gives the sub-select's rows once (docs/reliability.md, "Differential SPARQL").
// KG_JENA_UNOPTIMISED=1 turns the optimiser off for every query (the second opinion on a disagreement).
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;

public class JenaBatch {
    public static void main(String[] args) throws Exception {
        Dataset ds = DatasetFactory.create();
        RDFDataMgr.read(ds, args[0]);
        Path out = Path.of(args[1]);
        long timeoutSeconds = Long.parseLong(System.getProperty("kg.timeout", "20"));
        boolean unoptimised = "1".equals(System.getenv("KG_JENA_UNOPTIMISED"));
        for (int i = 2; i < args.length; i++) {
            Path q = Path.of(args[i]);
            String name = q.getFileName().toString().replaceAll("\\.rq$", "");
            try {
                String text = Files.readString(q, StandardCharsets.UTF_8);
                Query query = QueryFactory.create(text);
                long t0 = System.nanoTime();
                try (QueryExecution qe = QueryExecution.dataset(ds).query(query).timeout(timeoutSeconds, TimeUnit.SECONDS)
                         .set(ARQ.optimization, !unoptimised && !hasInnerLimit(text)).build();
                     OutputStream os = new FileOutputStream(out.resolve(name + ".srj").toFile())) {
                    if (query.isAskType()) ResultSetFormatter.outputAsJSON(os, qe.execAsk());
                    else ResultSetFormatter.outputAsJSON(os, qe.execSelect());
                }
                System.err.printf("%s\t%.3f%n", name, (System.nanoTime() - t0) / 1e9);
            } catch (Exception e) {
                Files.deleteIfExists(out.resolve(name + ".srj"));
                Files.writeString(out.resolve(name + ".err"), String.valueOf(e), StandardCharsets.UTF_8);
            }
        }
    }

    // The generated queries end with the outermost group's '}' and its modifiers: a LIMIT before it is a sub-select's.
    static boolean hasInnerLimit(String text) {
        int end = text.lastIndexOf('}');
        return end > 0 && text.substring(0, end).contains("LIMIT");
    }
}
