package io.complexitynet.reproduce.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** A mistyped option is one line naming it and where help is, not the whole usage text. */
@ApplicationScoped
class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return factory.create().setParameterExceptionHandler((error, args) -> {
            error.getCommandLine().getErr().println("reproduce: " + error.getMessage() + " (see --help)");
            return 2;
        });
    }
}
