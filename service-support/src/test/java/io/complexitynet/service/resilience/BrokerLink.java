package io.complexitynet.service.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to the real broker that a test can cut, as a network fault or a broker restart cuts a service's
 * connection, without stopping the broker the other tests share.
 */
final class BrokerLink implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    BrokerLink(String host, int port) throws IOException {
        server = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket broker = new Socket(host, port);
                    sockets.add(client);
                    sockets.add(broker);
                    pump(client, broker);
                    pump(broker, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "broker-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Closes every relayed connection at once; both ends see the socket go. */
    void cut() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException cut) {
                // the link was cut: the other side learns it from its own socket
            }
        }, "broker-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }
}
