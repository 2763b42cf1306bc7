package nl.verzuimhub.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The hub: register connector, policies, pull feed, audit log, embedded authorization server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VerzuimhubApplication {
    public static void main(String[] args) {
        SpringApplication.run(VerzuimhubApplication.class, args);
    }
}
