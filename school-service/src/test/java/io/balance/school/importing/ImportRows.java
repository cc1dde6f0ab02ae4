package io.balance.school.importing;

import java.util.HashMap;
import java.util.List;

/** Test access to the import's pure steps (package-private in main). */
public final class ImportRows {
    private ImportRows() {
    }

    /** Validates every row as the job does (no database); returns how many are valid. */
    public static int validateAll(List<ImportRow> rows, String county, int year) {
        var seen = new HashMap<String, Integer>();
        int ok = 0;
        for (ImportRow r : rows) {
            if (!(ImportService.prepare(r, county, year, seen) instanceof ImportJobView.RowError)) {
                ok++;
            }
        }
        return ok;
    }
}
