package io.github.fermmavenplugin.e2e.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A tiny program started inside a network namespace (with {@code ip netns exec}) by the tests.
 *
 * <ul>
 *   <li>{@code serve tcp:80 udp:53 ...}: echo servers on every address of the namespace, IPv4 and IPv6;
 *       prints {@code ready} once all are bound and exits when its standard input closes.</li>
 *   <li>{@code probe}: reads requests {@code ID tcp|udp SOURCE DESTINATION PORT TIMEOUT_MS}, one per line, tries
 *       each concurrently from the given source address and answers {@code ID OUTCOME detail}.</li>
 * </ul>
 */
public final class NetAgent {

    private static final byte[] PAYLOAD = "ferm-e2e\n".getBytes(StandardCharsets.US_ASCII);

    private NetAgent() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("serve")) {
            serve(args);
        } else if (args.length == 1 && args[0].equals("probe")) {
            probe();
        } else {
            System.err.println("usage: NetAgent serve tcp:PORT|udp:PORT... | NetAgent probe");
            System.exit(2);
        }
    }

    private static void serve(String[] args) throws IOException {
        for (int i = 1; i < args.length; i++) {
            String[] protocolAndPort = args[i].split(":");
            int port = Integer.parseInt(protocolAndPort[1]);
            switch (protocolAndPort[0]) {
                case "tcp" -> startTcpEcho(new ServerSocket(port));
                case "udp" -> startUdpEcho(new DatagramSocket(port));
                default -> throw new IllegalArgumentException("unknown protocol in " + args[i]);
            }
        }
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // Runs until the test closes our input.
        }
        System.exit(0);
    }

    private static void startTcpEcho(ServerSocket server) {
        daemon(() -> {
            while (true) {
                Socket client = server.accept();
                daemon(() -> {
                    try (client) {
                        client.getInputStream().transferTo(client.getOutputStream());
                    }
                    return null;
                });
            }
        });
    }

    private static void startUdpEcho(DatagramSocket socket) {
        daemon(() -> {
            byte[] buffer = new byte[512];
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                socket.send(new DatagramPacket(packet.getData(), packet.getLength(), packet.getSocketAddress()));
            }
        });
    }

    private interface Task {
        Object run() throws Exception;
    }

    private static void daemon(Task task) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (Exception e) {
                System.err.println("agent thread ended: " + e);
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    private static void probe() throws IOException {
        ExecutorService pool = Executors.newCachedThreadPool();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] request = line.trim().split(" ");
            if (request.length != 6) {
                out.println(request[0] + " ERROR malformed request: " + line);
                continue;
            }
            pool.submit(() -> {
                String answer = attempt(request[1], request[2], request[3],
                        Integer.parseInt(request[4]), Integer.parseInt(request[5]));
                synchronized (out) {
                    out.println(request[0] + " " + answer);
                }
            });
        }
        // Input closed: answer what is still under way (each attempt is bounded by its timeout), then leave.
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    private static String attempt(String protocol, String source, String destination, int port, int timeoutMillis) {
        try {
            InetAddress from = InetAddress.getByName(source);
            InetSocketAddress to = new InetSocketAddress(InetAddress.getByName(destination), port);
            return protocol.equals("tcp") ? tcp(from, to, timeoutMillis) : udp(from, to, timeoutMillis);
        } catch (SocketTimeoutException e) {
            return Outcome.TIMEOUT + " no answer within " + timeoutMillis + " ms";
        } catch (PortUnreachableException e) {
            return Outcome.REFUSED + " port unreachable";
        } catch (ConnectException e) {
            boolean refused = String.valueOf(e.getMessage()).contains("refused");
            return (refused ? Outcome.REFUSED : Outcome.UNREACHABLE) + " " + e.getMessage();
        } catch (NoRouteToHostException e) {
            return Outcome.UNREACHABLE + " " + e.getMessage();
        } catch (Exception e) {
            return Outcome.ERROR + " " + e;
        }
    }

    private static String tcp(InetAddress from, InetSocketAddress to, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(to, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream output = socket.getOutputStream();
            output.write(PAYLOAD);
            output.flush();
            byte[] echoed = socket.getInputStream().readNBytes(PAYLOAD.length);
            if (echoed.length != PAYLOAD.length) {
                return Outcome.ERROR + " connected but the echo was cut short";
            }
            return Outcome.OPEN + " echoed over " + socket.getLocalSocketAddress() + " -> " + to;
        }
    }

    private static String udp(InetAddress from, InetSocketAddress to, int timeoutMillis) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(from, 0))) {
            socket.connect(to);
            socket.setSoTimeout(timeoutMillis);
            socket.send(new DatagramPacket(PAYLOAD, PAYLOAD.length));
            DatagramPacket reply = new DatagramPacket(new byte[512], 512);
            socket.receive(reply);
            return Outcome.OPEN + " echoed " + reply.getLength() + " bytes from " + reply.getSocketAddress();
        }
    }
}
