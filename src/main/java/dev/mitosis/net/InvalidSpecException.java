package dev.mitosis.net;

import dev.mitosis.io.BadInputException;

/** A network description that cannot be built; the message says which block and why. */
public class InvalidSpecException extends BadInputException {
    public InvalidSpecException(String message) {
        super(message);
    }
}
