package io.github.fermmavenplugin.example;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The example service: answers on its web port and serves a metrics line on its metrics port. */
public final class BillingApi {

    private BillingApi() {
    }

    public static void main(String[] args) throws IOException {
        int webPort = Integer.parseInt(System.getenv().getOrDefault("HTTP_PORT", "8080"));
        int metricsPort = Integer.parseInt(System.getenv().getOrDefault("METRICS_PORT", "9100"));
        serve(webPort, "billing-api is up\n");
        serve(metricsPort, "billing_api_up 1\n");
    }

    private static void serve(int port, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }
}
