package io.github.fermmavenplugin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Maven repository served over HTTP on loopback by Debian's nginx-light with WebDAV PUT (what
 * {@code mvn deploy} sends) and the dav-ext module. Its configuration, prefix, document root, logs and
 * temp paths are all in the test's directory; {@link #close()} stops the one nginx process it started, by
 * its PID, whatever the test did.
 */
public final class DavRepository implements AutoCloseable {

    public static final Path NGINX = Path.of("/usr/sbin/nginx");
    public static final Path DAV_EXT_MODULE = Path.of("/usr/lib/nginx/modules/ngx_http_dav_ext_module.so");
    private static final String PATH = "/releases/";
    private static final int PORT_ATTEMPTS = 5;
    private static final int READY_POLLS = 200;

    private final Process nginx;
    private final int port;
    private final Path directory;

    private DavRepository(Process nginx, int port, Path directory) {
        this.nginx = nginx;
        this.port = port;
        this.directory = directory;
    }

    /** nginx with the dav-ext module, or the test skips (fails under -Dferm.tests.required=true) saying what to install. */
    public static void requireInstalled() {
        if (!Files.isExecutable(NGINX) || !Files.isRegularFile(DAV_EXT_MODULE)) {
            RealTools.unavailable("nginx with WebDAV is not installed (apt-get install nginx-light libnginx-mod-http-dav-ext)");
        }
    }

    /** Starts nginx on a free loopback port, retrying another port if one is taken between probe and bind. */
    public static DavRepository start(Path directory) throws IOException, InterruptedException {
        String lastError = "";
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = freePort();
            Files.createDirectories(directory.resolve("www" + PATH));
            Files.deleteIfExists(directory.resolve("error.log"));
            Path conf = Files.writeString(directory.resolve("nginx.conf"), config(directory, port),
                    StandardCharsets.UTF_8);
            Process nginx = new ProcessBuilder(NGINX.toString(), "-p", directory.toString(), "-c", conf.toString(),
                    "-e", directory.resolve("error.log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("nginx.out").toFile())
                    .start();
            DavRepository repository = new DavRepository(nginx, port, directory);
            if (repository.awaitListening()) {
                return repository;
            }
            repository.close();
            lastError = repository.errorLog();
            if (!lastError.contains("Address already in use")) {
                break;
            }
        }
        throw new IllegalStateException("nginx did not start:\n" + lastError);
    }

    public String url() {
        return "http://127.0.0.1:" + port + PATH.substring(0, PATH.length() - 1);
    }

    /** The file the repository holds at {@code path} (a repository path, e.g. {@code it/ferm/x/1.0/x-1.0.pom}). */
    public Path file(String path) {
        return directory.resolve("www" + PATH + path);
    }

    /** Each request nginx answered, as "METHOD /path STATUS". */
    public List<String> requests() throws IOException {
        return Files.readAllLines(directory.resolve("access.log"), StandardCharsets.UTF_8);
    }

    public String errorLog() {
        try {
            Path log = directory.resolve("error.log");
            return Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        nginx.destroy();
        if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
            nginx.destroyForcibly().waitFor();
        }
    }

    private boolean awaitListening() throws InterruptedException {
        for (int poll = 0; poll < READY_POLLS && nginx.isAlive(); poll++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * One process (no master, no workers), so that the PID this class holds is the whole server and it
     * runs as the test's user; no compiled-in path of the system's nginx is used.
     */
    private static String config(Path directory, int port) {
        String d = directory.toString();
        return """
                daemon off;
                master_process off;
                pid "%1$s/nginx.pid";
                load_module "%3$s";
                events { worker_connections 64; }
                http {
                    log_format requests '$request_method $uri $status';
                    access_log "%1$s/access.log" requests;
                    client_body_temp_path "%1$s/client-body";
                    proxy_temp_path "%1$s/proxy";
                    fastcgi_temp_path "%1$s/fastcgi";
                    uwsgi_temp_path "%1$s/uwsgi";
                    scgi_temp_path "%1$s/scgi";
                    default_type application/octet-stream;
                    client_max_body_size 64m;
                    server {
                        listen 127.0.0.1:%2$d;
                        root "%1$s/www";
                        location %4$s {
                            dav_methods PUT MKCOL;
                            dav_ext_methods PROPFIND OPTIONS;
                            create_full_put_path on;
                            dav_access user:rw group:r all:r;
                        }
                    }
                }
                """.formatted(d, port, DAV_EXT_MODULE, PATH);
    }
}
