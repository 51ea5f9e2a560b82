package dev.mitosis.io;

/**
 * Input the user can fix: a malformed file, a wrong value, a mismatched tensor. The message is one line
 * that names where (file, field, tensor) and what was expected versus found. The CLI maps it to exit
 * code 2 and prints no stack trace.
 */
public class BadInputException extends IllegalArgumentException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
