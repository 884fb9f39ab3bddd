package io.statstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Says in one line what a person can act on: a service that does not answer or refuses, a file
 * that is not there. Anything else is a fault of the client itself, and keeps picocli's stack trace.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
    private static final int EXIT_ERROR = 1;

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) throws Exception {
        if (failure instanceof Refused) {
            command.getErr().println("statstream: " + failure.getMessage());
            return EXIT_ERROR;
        }
        IOException io = failure instanceof UncheckedIOException unchecked ? unchecked.getCause()
                : failure instanceof IOException checked ? checked : null;
        if (io == null) {
            throw failure;
        }
        command.getErr().println("statstream: " + describe(failure, io));
        return EXIT_ERROR;
    }

    private static String describe(Exception failure, IOException io) {
        if (io instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (io instanceof AccessDeniedException denied) {
            return "not allowed to open " + denied.getFile();
        }
        return failure.getMessage();
    }
}
