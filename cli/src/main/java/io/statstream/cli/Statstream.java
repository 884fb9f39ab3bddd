package io.statstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code statstream}: the command-line client of a statstream API. */
@Command(name = "statstream", mixinStandardHelpOptions = true, version = "statstream 0.1.0",
        description = "Submit analyses to statstream, fetch and wait for their results, warm its cache.",
        subcommands = {SubmitCommand.class, GetCommand.class, WaitCommand.class, WarmCommand.class, DeadLettersCommand.class,
                CommandLine.HelpCommand.class})
public final class Statstream {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Statstream()).setExecutionExceptionHandler(new OneLineErrors()).execute(args));
    }
}
