package nl.verzuimhub.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The pseudonymiser keeps one keyed MAC per recipient per thread and reuses it: every pseudonym must still be exactly
 * {@code HMAC-SHA256(HMAC-SHA256(masterKey, "pseudonym-key:" + recipient), identifier)}, its first 16 bytes in hex, on
 * every thread, and no recipient may get another's.
 */
class PseudonymiserTest {
    private static final byte[] MASTER_KEY = "pseudonymiser-test-master-key-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final List<String> RECIPIENTS = List.of("swv-vo2701", "swv-po2801", "rmc-amsterdam");

    @Test
    void everyPseudonymIsTheRecipientsKeyedHmacOfTheIdentifierOnEveryThread() throws Exception {
        Pseudonymiser pseudonymiser = new Pseudonymiser(MASTER_KEY);
        List<String> identifiers = identifiers(new RandomRecords(11), 400);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, String>>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread * 97;
                Callable<Map<String, String>> task = () -> {
                    Map<String, String> seen = new HashMap<>();
                    for (int i = 0; i < identifiers.size(); i++) {
                        String identifier = identifiers.get((i + offset) % identifiers.size());
                        for (String recipient : RECIPIENTS) {
                            seen.put(recipient + "/" + identifier, pseudonymiser.pseudonym(recipient, identifier));
                        }
                    }
                    return seen;
                };
                results.add(threads.submit(task));
            }
            for (Future<Map<String, String>> result : results) {
                Map<String, String> seen = result.get();
                for (String identifier : identifiers) {
                    for (String recipient : RECIPIENTS) {
                        assertThat(seen.get(recipient + "/" + identifier)).as("%s on a pool thread", recipient)
                                .isEqualTo(reference(recipient, identifier));
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFreshPseudonymiserOnAnotherThreadGivesTheSamePseudonymsAndRecipientsNeverShareOne() throws Exception {
        List<String> identifiers = identifiers(new RandomRecords(12), 200);
        Pseudonymiser first = new Pseudonymiser(MASTER_KEY);
        Map<String, String> here = new HashMap<>();
        for (String identifier : identifiers) {
            for (String recipient : RECIPIENTS) {
                here.put(recipient + "/" + identifier, first.pseudonym(recipient, identifier));
            }
        }
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Pseudonymiser second = new Pseudonymiser(MASTER_KEY);
            for (String identifier : identifiers) {
                List<String> perRecipient = new ArrayList<>();
                for (String recipient : RECIPIENTS) {
                    String there = thread.submit(() -> second.pseudonym(recipient, identifier)).get();
                    assertThat(there).isEqualTo(here.get(recipient + "/" + identifier));
                    perRecipient.add(there);
                }
                assertThat(perRecipient).doesNotHaveDuplicates();
            }
        } finally {
            thread.shutdownNow();
        }
    }

    /** The contract, computed from scratch with a new MAC for every value. */
    private static String reference(String recipient, String identifier) throws Exception {
        byte[] recipientKey = hmac(MASTER_KEY, "pseudonym-key:" + recipient);
        return HexFormat.of().formatHex(hmac(recipientKey, identifier), 0, 16);
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> identifiers(RandomRecords random, int count) {
        List<String> identifiers = new ArrayList<>();
        while (identifiers.size() < count) {
            String bsn = random.bsn();
            if (!identifiers.contains(bsn)) {
                identifiers.add(bsn);
            }
        }
        return identifiers;
    }
}
