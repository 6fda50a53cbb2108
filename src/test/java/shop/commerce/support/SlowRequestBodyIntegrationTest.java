package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import shop.commerce.support.security.Role;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * A client that sends its body slowly holds a worker thread only for a bounded time: the request is
 * answered 408 and its connection closed while the client is still sending (the defaults: 10 s for
 * the body, 5 s between two packets).
 */
class SlowRequestBodyIntegrationTest extends IntegrationTestSupport {

    private static final String BODY = "{\"amount\":1000}" + " ".repeat(45);

    @Test
    void aBodyTricklingInByteByByteIsCutAtTheDeadline() throws Exception {
        Exchange exchange = send(Duration.ofSeconds(1), BODY.length());

        assertThat(exchange.answer()).startsWith("HTTP/1.1 408").contains("\"code\":\"REQUEST_TIMEOUT\"")
                .containsIgnoringCase("connection: close");
        assertThat(exchange.took()).as("the whole body would take a minute").isBetween(Duration.ofSeconds(9),
                Duration.ofSeconds(16));
        assertThat(fixtures().balance(1)).isZero();
    }

    @Test
    void aClientFallingSilentMidBodyIsCutAfterTheReadTimeout() throws Exception {
        Exchange exchange = send(Duration.ofSeconds(1), 3);

        assertThat(exchange.took()).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(10));
        assertThat(exchange.answer()).startsWith("HTTP/1.1 408").contains("\"code\":\"REQUEST_TIMEOUT\"");
        assertThat(fixtures().balance(1)).isZero();
    }

    private record Exchange(String answer, Duration took) {
    }

    /** Sends the headers, then the first {@code bytes} bytes of the body one per {@code pause}; reads until the server closes. */
    private Exchange send(Duration pause, int bytes) throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/users/1/balance/charge HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nAuthorization: Bearer " + token(1, Role.USER)
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            long start = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < bytes; i++) {
                        Thread.sleep(pause.toMillis());
                        out.write(body[i]);
                        out.flush();
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server closed the connection: what the test waits for
                }
            });
            trickle.start();
            byte[] answer = socket.getInputStream().readAllBytes();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            trickle.interrupt();
            return new Exchange(new String(answer, StandardCharsets.UTF_8), took);
        }
    }
}
