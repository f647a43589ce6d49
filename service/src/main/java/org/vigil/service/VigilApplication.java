package org.vigil.service;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.vigil.service.bulkimport.ImportCommand;

/** Vigil: clinical decision support over HL7 CDS Hooks 2.0. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VigilApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(
                    VigilApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(VigilApplication.class, args);
    }
}
