package nl.verzuimhub.bench.policy;

import nl.verzuimhub.core.disclosure.RecordView;

/**
 * What a library integration returns for one question: the matched rule and the minimised view, or a denial.
 *
 * @param ruleId null when denied
 * @param view   null when denied
 */
record Outcome(String ruleId, RecordView view) {
    static final Outcome DENIED = new Outcome(null, null);

    boolean permitted() {
        return ruleId != null;
    }
}
