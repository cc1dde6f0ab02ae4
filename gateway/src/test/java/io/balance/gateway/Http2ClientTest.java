package io.balance.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A Java client's default protocol: the JDK's HttpClient upgrades a cleartext connection to HTTP/2 (h2c), as a
 * province's generated client does. The gateway's own resources answer it like any other client, never a 500.
 */
@QuarkusTest
class Http2ClientTest {
    @Test
    void signInOverHttp2WorksAndABodyOfUnknownLengthIsRefusedWith411() throws Exception {
        String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String address = Api.freshAddress();
        // the first request upgrades the connection; the following ones are HTTP/2 streams
        HttpResponse<String> upgrade = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/schools"))
                .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, upgrade.statusCode());
        byte[] credentials = "{\"username\":\"admin\",\"password\":\"admin\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("X-Forwarded-For", address).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(credentials)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, signIn.version(), "the test must run over HTTP/2");
        assertEquals(200, signIn.statusCode(), signIn.body());
        assertTrue(signIn.body().contains("accessToken"), signIn.body());
        // a stream without a declared length: refused before it is read, not buffered without a bound
        HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("X-Forwarded-For", address).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(credentials))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, unknown.version());
        assertEquals(411, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("Content-Length"), unknown.body());
    }
}
