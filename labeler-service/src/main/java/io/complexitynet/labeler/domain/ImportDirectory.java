package io.complexitynet.labeler.domain;

import io.complexitynet.core.refusal.RequestRefused;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The one directory data sets are imported from. A path is a caller's input: it may name any file the
 * labeler can read, a device that never ends, or a link out of the directory. Only a regular file inside the
 * directory, after every link is followed, of at most {@code maxBytes}, is read; a path outside it is refused
 * before the file system is asked, so a refusal never tells whether some other file exists.
 */
public record ImportDirectory(Path directory, long maxBytes) {

    public ImportDirectory {
        directory = directory.toAbsolutePath().normalize();
    }

    /** The file to read for {@code requested}: absolute, or relative to the directory. */
    public Path resolve(String requested) {
        if (requested.isBlank()) {
            throw RequestRefused.invalidArgument("path", "is empty; name a JSONL file in the labeler's import directory");
        }
        if (requested.indexOf('\0') >= 0) {
            throw outside();
        }
        Path lexical = directory.resolve(requested).normalize();
        if (!lexical.startsWith(directory)) {
            throw outside();
        }
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (IOException e) {
            throw RequestRefused.invalidArgument("path", "no readable file " + directory.relativize(lexical) + " in the import directory");
        }
        Path realDirectory;
        try {
            realDirectory = directory.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("the import directory " + directory + " is not there", e);
        }
        if (!real.startsWith(realDirectory)) {
            throw outside();
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw RequestRefused.invalidArgument("path", directory.relativize(lexical) + " is not a regular file");
        }
        long size;
        try {
            size = Files.size(real);
        } catch (IOException e) {
            throw RequestRefused.invalidArgument("path", "no readable file " + directory.relativize(lexical) + " in the import directory");
        }
        if (size > maxBytes) {
            throw RequestRefused.invalidArgument("path", directory.relativize(lexical) + " is " + size + " bytes; at most " + maxBytes
                    + " are imported (labeler.import.max-bytes)");
        }
        return real;
    }

    private static RequestRefused outside() {
        return RequestRefused.invalidArgument("path", "is outside the labeler's import directory (labeler.import.directory)");
    }
}
