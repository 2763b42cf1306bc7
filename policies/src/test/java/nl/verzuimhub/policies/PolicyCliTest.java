package nl.verzuimhub.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void validateAcceptsTheDefaultSetAndPrintsItsVersionAndHash() {
        int code = run("validate", "src/main/resources/policies");
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("valid: version " + DefaultPolicySet.VERSION)
                .contains("sha256 " + DefaultPolicySet.policySet().contentHash());
    }

    @Test
    void validateRefusesAnInvalidSetNamingFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("purposes.yaml"), PolicyLoaderTest.PURPOSES);
        Files.writeString(dir.resolve("rules.yaml"), PolicyLoaderTest.PERMIT.replace("bsn: allow", "bsnn: allow"));
        assertThat(run("validate", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("rules.yaml:8: unknown field 'bsnn'");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("explain", "--hub", "http://localhost:1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("explain needs --client");
    }

    @Test
    void jsonQuotingEscapesYamlText() {
        assertThat(PolicyCli.quote("a: \"b\"\n\tc\\")).isEqualTo("\"a: \\\"b\\\"\\n\\tc\\\\\"");
    }

    private int run(String... args) {
        return PolicyCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
