package io.complexitynet.trainer.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** The messages the service logs under a category (and the categories below it) while this is open. */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public CapturedLog(String category) {
        logger = Logger.getLogger(category);
        logger.addHandler(handler);
    }

    /** How many messages so far contain the fragment. */
    public long count(String fragment) {
        return messages.stream().filter(message -> message.contains(fragment)).count();
    }

    /** The first message containing the fragment, waiting for it up to the limit. */
    public Optional<String> await(String fragment, Duration limit) throws InterruptedException {
        return Poll.until(limit, () -> messages.stream().filter(message -> message.contains(fragment)).findFirst());
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
