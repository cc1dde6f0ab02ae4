package io.balance.school.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.balance.school.demo.DemoCounty;
import io.balance.school.demo.DemoFiles;
import io.balance.school.importing.ImportRow;
import io.balance.school.importing.ImportRows;
import io.balance.school.importing.ImportService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The import's in-memory part alone (no Quarkus, no database): parse 3,000 rows as JSON, CSV and XLSX and
 * validate every field. Prints wall and CPU time per iteration (CPU time is what a busy machine cannot
 * inflate). Not part of {@code verify}; run with
 * <pre>./mvnw -B -pl school-service -am test -Dtest=ParseBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ParseBenchmark {
    @Test
    void parseAndValidate3000Rows() throws Exception {
        int n = Integer.getInteger("balance.bench.rows", 3000);
        int iterations = Integer.getInteger("balance.bench.iterations", 5);
        ArrayNode body = DemoCounty.importRows(DemoCounty.scaled(n), "999950", seq -> DemoCounty.benchCode("999950", seq));
        String csv = DemoFiles.csv(body);
        List<Object[]> inputs = List.of(
                new Object[] {"json", body.toString().getBytes(StandardCharsets.UTF_8)},
                new Object[] {"csv", csv.getBytes(StandardCharsets.UTF_8)},
                new Object[] {"xlsx", ImportBenchmark.xlsx(csv)});
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 1; i <= iterations; i++) {
            for (Object[] in : inputs) {
                String format = (String) in[0];
                long cpu0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                List<ImportRow> rows = ImportService.parse(format, (byte[]) in[1], 20000);
                long cpu1 = mx.getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                int valid = ImportRows.validateAll(rows, "999950", 2025);
                long cpu2 = mx.getCurrentThreadCpuTime();
                long t2 = System.nanoTime();
                assertEquals(n, valid, format);
                System.out.printf("PARSE-BENCH iteration %d %-4s parse %5d ms (cpu %5d ms)  validate %5d ms (cpu %5d ms)%n",
                        i, format, (t1 - t0) / 1_000_000, (cpu1 - cpu0) / 1_000_000,
                        (t2 - t1) / 1_000_000, (cpu2 - cpu1) / 1_000_000);
            }
        }
    }
}
