package io.complexitynet.k8s;

import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exchanges and queues a service needs each RabbitMQ permission on, derived from the smallrye-rabbitmq
 * channels of its application.properties. RabbitMQ's rules (rabbitmq.com/docs/access-control): declaring an
 * exchange or a queue takes configure on it; binding a queue, write on the queue and read on the exchange;
 * publishing, write on the exchange; consuming, read on the queue; declaring a queue with a dead-letter exchange
 * also read on the queue and write on that exchange. The connector declares what a channel names unless told
 * not to, and with {@code auto-bind-dlq} declares the dead-letter queue and binds it to the dead-letter exchange.
 */
record BrokerNeeds(Map<BrokerNeeds.Permission, Set<String>> names) {

    enum Permission { CONFIGURE, WRITE, READ }

    /** Stands in for {@code ${quarkus.uuid}}, which names a queue per process. */
    static final String SAMPLE_UUID = "0f8e2c4a-9b1d-4e6f-8a3c-5d7b9e1f2a4c";

    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    static BrokerNeeds of(Services service) {
        Properties properties = ServiceProperties.load(service);
        Map<Permission, Set<String>> names = new EnumMap<>(Permission.class);
        for (Permission permission : Permission.values()) {
            names.put(permission, new TreeSet<>());
        }
        BrokerNeeds needs = new BrokerNeeds(names);
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            Matcher channel = CHANNEL_KEY.matcher(key);
            if (channel.matches() && "smallrye-rabbitmq".equals(properties.getProperty(key))) {
                String prefix = "mp.messaging." + channel.group(1) + "." + channel.group(2) + ".";
                Channel attributes = new Channel(properties, prefix, channel.group(2));
                if (channel.group(1).equals("incoming")) {
                    needs.consume(attributes);
                } else {
                    needs.publish(attributes);
                }
            }
        }
        return needs;
    }

    Set<String> get(Permission permission) {
        return names.get(permission);
    }

    /** Every name in any permission. */
    Set<String> all() {
        Set<String> all = new TreeSet<>();
        names.values().forEach(all::addAll);
        return all;
    }

    private void publish(Channel channel) {
        String exchange = channel.get("exchange.name", channel.name());
        if (channel.flag("exchange.declare", true)) {
            add(Permission.CONFIGURE, exchange);
        }
        add(Permission.WRITE, exchange);
    }

    private void consume(Channel channel) {
        String exchange = channel.get("exchange.name", channel.name());
        String queue = channel.get("queue.name", channel.name());
        if (channel.flag("exchange.declare", true)) {
            add(Permission.CONFIGURE, exchange);
        }
        if (channel.flag("queue.declare", true)) {
            add(Permission.CONFIGURE, queue);
        }
        bind(queue, exchange);
        add(Permission.READ, queue);
        if (channel.flag("auto-bind-dlq", false)) {
            String deadLetterExchange = channel.get("dead-letter-exchange", "DLX");
            String deadLetterQueue = channel.get("dead-letter-queue-name", queue + ".dlq");
            add(Permission.WRITE, deadLetterExchange);
            if (channel.flag("dlx.declare", false)) {
                add(Permission.CONFIGURE, deadLetterExchange);
            }
            add(Permission.CONFIGURE, deadLetterQueue);
            bind(deadLetterQueue, deadLetterExchange);
        }
    }

    private void bind(String queue, String exchange) {
        add(Permission.WRITE, queue);
        add(Permission.READ, exchange);
    }

    private void add(Permission permission, String name) {
        names.get(permission).add(name);
    }

    /** One channel's attributes, {@code ${...}} resolved against the same file. */
    private record Channel(Properties properties, String prefix, String name) {

        String get(String attribute, String fallback) {
            String value = properties.getProperty(prefix + attribute);
            return value == null ? fallback : resolve(value);
        }

        boolean flag(String attribute, boolean fallback) {
            return Boolean.parseBoolean(get(attribute, String.valueOf(fallback)));
        }

        private String resolve(String value) {
            Matcher expression = EXPRESSION.matcher(value);
            StringBuilder resolved = new StringBuilder();
            while (expression.find()) {
                String key = expression.group(1);
                String replacement = key.equals("quarkus.uuid") ? SAMPLE_UUID : properties.getProperty(key, expression.group(2));
                if (replacement == null) {
                    throw new IllegalArgumentException(prefix + "*: ${" + key + "} has no value in application.properties");
                }
                expression.appendReplacement(resolved, Matcher.quoteReplacement(resolve(replacement)));
            }
            expression.appendTail(resolved);
            return resolved.toString();
        }
    }
}
