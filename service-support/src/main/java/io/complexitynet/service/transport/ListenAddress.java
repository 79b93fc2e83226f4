package io.complexitynet.service.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The address a server binds, as the start-up guards judge it: reachable from this machine only, or not. */
public final class ListenAddress {

    private ListenAddress() {
    }

    /** Literal addresses and "localhost" only: a name that needs DNS is not trusted to stay loopback. */
    public static boolean isLoopback(String host) {
        String literal = host.strip();
        if (literal.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
