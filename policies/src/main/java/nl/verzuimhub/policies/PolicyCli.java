package nl.verzuimhub.policies;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The policy command line (see README, "Policies"):
 * <pre>
 *   validate &lt;dir&gt;
 *       load and validate a policy directory offline; prints version, content hash and rule count, or every
 *       problem with file and line. Exit 0 when valid, 1 when not, 2 on a usage error.
 *   explain --hub &lt;url&gt; --client &lt;id&gt; --secret &lt;secret&gt; --recipient &lt;client id&gt; --record &lt;id&gt;
 *           --purpose &lt;id&gt; [--kind &lt;kind&gt;] [--candidate &lt;dir&gt;]
 *       asks the hub's explain endpoint with a privacy officer's client-credentials token (so the hub audits the
 *       question) and prints its JSON answer. Exit 0 on 200, 1 otherwise.
 * </pre>
 */
public final class PolicyCli {
    private PolicyCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err);
        }
        switch (args[0]) {
            case "validate":
                if (args.length != 2) {
                    return usage(err);
                }
                return validate(Path.of(args[1]), out, err);
            case "explain":
                return explain(options(args), out, err);
            default:
                return usage(err);
        }
    }

    private static int validate(Path directory, PrintStream out, PrintStream err) {
        try {
            PolicySet set = PolicyLoader.load(directory);
            out.println("valid: version " + set.version() + ", sha256 " + set.contentHash() + ", "
                    + set.purposes().size() + " purposes, " + set.permits().size() + " permits, "
                    + set.forbids().size() + " forbids");
            return 0;
        } catch (PolicyValidationException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int explain(Map<String, String> options, PrintStream out, PrintStream err) {
        for (String required : List.of("hub", "client", "secret", "recipient", "record", "purpose")) {
            if (!options.containsKey(required)) {
                err.println("explain needs --" + required);
                return usage(err);
            }
        }
        try {
            HttpClient http = HttpClient.newHttpClient();
            String hub = options.get("hub").replaceAll("/+$", "");
            String basic = Base64.getEncoder().encodeToString((options.get("client") + ":" + options.get("secret"))
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(hub + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher accessToken = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
            if (token.statusCode() != 200 || !accessToken.find()) {
                err.println("token request failed: HTTP " + token.statusCode() + " " + token.body());
                return 1;
            }
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(hub + "/api/v1/policy/explain"))
                    .header("Authorization", "Bearer " + accessToken.group(1))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(options))).build(),
                    HttpResponse.BodyHandlers.ofString());
            (answer.statusCode() == 200 ? out : err).println(answer.body());
            return answer.statusCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            err.println("could not reach the hub: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String body(Map<String, String> options) throws IOException {
        StringBuilder json = new StringBuilder("{");
        json.append("\"recipient\":").append(quote(options.get("recipient")));
        json.append(",\"recordId\":").append(quote(options.get("record")));
        json.append(",\"purpose\":").append(quote(options.get("purpose")));
        if (options.containsKey("kind")) {
            json.append(",\"kind\":").append(quote(options.get("kind")));
        }
        if (options.containsKey("candidate")) {
            json.append(",\"candidateFiles\":{");
            List<Path> files;
            try (Stream<Path> list = Files.list(Path.of(options.get("candidate")))) {
                files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
            }
            for (int i = 0; i < files.size(); i++) {
                json.append(i == 0 ? "" : ",").append(quote(files.get(i).getFileName().toString())).append(':')
                        .append(quote(Files.readString(files.get(i))));
            }
            json.append('}');
        }
        return json.append('}').toString();
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"':
                    quoted.append("\\\"");
                    break;
                case '\\':
                    quoted.append("\\\\");
                    break;
                case '\n':
                    quoted.append("\\n");
                    break;
                case '\r':
                    quoted.append("\\r");
                    break;
                case '\t':
                    quoted.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
            }
        }
        return quoted.append('"').toString();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        for (int i = 0; i + 1 < rest.size(); i += 2) {
            if (rest.get(i).startsWith("--")) {
                options.put(rest.get(i).substring(2), rest.get(i + 1));
            }
        }
        return options;
    }

    private static int usage(PrintStream err) {
        err.println("usage: validate <policy-dir>");
        err.println("       explain --hub <url> --client <id> --secret <secret> --recipient <client-id> --record <id>"
                + " --purpose <purpose> [--kind <kind>] [--candidate <policy-dir>]");
        return 2;
    }
}
