package nl.verzuimhub.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recipients of the load run, as {@code --hub.recipients.*} and {@code --hub.policy.*} arguments of the hub:
 * for every municipality its attendance officers ({@link #DESKS}), every samenwerkingsverband ({@code swv-<code>}),
 * and the GGD and RMC regions of Amsterdam-Amstelland, Rotterdam-Rijnmond and Haaglanden. Push (webhook to the
 * harness) for every partnership and for the attendance officers of {@code pushMunicipalities}; every recipient has
 * a secret, so each can also read its feed.
 */
final class HubRecipients {
    static final String PUSH_SECRET = "load-bench-push-secret-0001";
    /**
     * The attendance-officer clients of every municipality: its own leerplicht desk, the regional bureau (RBL) that
     * works for it and a district team of the desk ({@code stadsdeel-}). Three clients with the same role and scope
     * give each record the fan-out of a national hub (at least 3 recipients per record on average).
     */
    static final List<String> DESKS = List.of("leerplicht-", "rbl-", "stadsdeel-");
    private static final Map<String, List<String>> REGIONS = new LinkedHashMap<>();

    static {
        REGIONS.put("amsterdam-amstelland", List.of("0358", "0362", "0363", "0384", "0437", "0451"));
        REGIONS.put("rotterdam-rijnmond", List.of("0599"));
        REGIONS.put("haaglanden", List.of("0518"));
    }

    private final List<String> arguments = new ArrayList<>();
    private final List<String> pushed = new ArrayList<>();
    private final List<String> attendanceOfficers = new ArrayList<>();

    HubRecipients(Set<String> municipalities, Set<String> partnerships, Set<String> pushMunicipalities,
                  WebhookReceiver receiver) {
        for (String code : municipalities) {
            for (String desk : DESKS) {
                String client = desk + code;
                recipient(client, "MUNICIPALITY", code, "ATTENDANCE_OFFICER", "leerplicht");
                attendanceOfficers.add(client);
                if (pushMunicipalities.contains(code) && desk.equals("leerplicht-")) {
                    push(client, receiver);
                }
            }
        }
        for (String code : partnerships) {
            String client = "swv-" + code.toLowerCase();
            recipient(client, "PARTNERSHIP", code, "PARTNERSHIP", "passend-onderwijs");
            push(client, receiver);
        }
        REGIONS.forEach((region, codes) -> {
            arguments.add("--hub.policy.ggd-regions.ggd-" + region + "=" + String.join(",", codes));
            arguments.add("--hub.policy.rmc-regions.rmc-" + region + "=" + String.join(",", codes));
            recipient("jgz-ggd-" + region, "GGD_REGION", "ggd-" + region, "YOUTH_DOCTOR", "jeugdgezondheidszorg");
            recipient("rmc-" + region, "RMC_REGION", "rmc-" + region, "RMC", "rmc");
        });
    }

    List<String> arguments() {
        return arguments;
    }

    /** Client ids with webhook push. */
    List<String> pushed() {
        return pushed;
    }

    List<String> attendanceOfficers() {
        return attendanceOfficers;
    }

    /** True for the recipients configured here (they have a secret the harness knows). */
    boolean hasSecret(String clientId) {
        return arguments.contains("--hub.recipients." + clientId + ".secret=" + secret(clientId));
    }

    static String secret(String clientId) {
        return clientId + "-load-secret";
    }

    private void recipient(String client, String type, String code, String role, String purpose) {
        String prefix = "--hub.recipients." + client + ".";
        arguments.add(prefix + "organisation.type=" + type);
        arguments.add(prefix + "organisation.code=" + code);
        arguments.add(prefix + "organisation.name=" + client);
        arguments.add(prefix + "role=" + role);
        arguments.add(prefix + "purposes=" + purpose);
        arguments.add(prefix + "secret=" + secret(client));
    }

    private void push(String client, WebhookReceiver receiver) {
        String prefix = "--hub.recipients." + client + ".push.";
        arguments.add(prefix + "connector=webhook");
        arguments.add(prefix + "url=" + receiver.url(client));
        arguments.add(prefix + "secret=" + PUSH_SECRET);
        pushed.add(client);
    }
}
