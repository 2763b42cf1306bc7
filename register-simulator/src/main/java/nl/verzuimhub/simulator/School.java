package nl.verzuimhub.simulator;

import java.util.List;
import nl.verzuimhub.core.record.Reporter;

/**
 * A synthetic school: a unique BRIN (two digits, two capitals), its branches (vestigingen, two digits each; empty when
 * the register does not distinguish them), sector, the municipality it stands in, its partnership, and the staff who
 * file its absence reports.
 */
record School(String brin, List<String> branches, Sector sector, Municipality municipality, String partnership,
              List<Reporter> reporters) {
    School {
        branches = List.copyOf(branches);
        reporters = List.copyOf(reporters);
    }
}
