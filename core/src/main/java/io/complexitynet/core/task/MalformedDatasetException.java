package io.complexitynet.core.task;

/** A data set line that cannot be imported, with its 1-based line number. */
public class MalformedDatasetException extends RuntimeException {

    private final int lineNumber;

    public MalformedDatasetException(int lineNumber, String problem) {
        super("line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    public int lineNumber() {
        return lineNumber;
    }
}
