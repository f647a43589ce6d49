package org.vigil.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Vigil: clinical decision support over HL7 CDS Hooks 2.0. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VigilApplication {

    public static void main(String[] args) {
        SpringApplication.run(VigilApplication.class, args);
    }
}
