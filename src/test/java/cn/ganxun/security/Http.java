package cn.ganxun.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP client for tests against the running server, optionally keeping cookies (a browser session). */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String base;

    private Http(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    /** Without cookies: every call stands alone (HTTP Basic APIs). */
    static Http stateless(int port) {
        return new Http(HttpClient.newHttpClient(), "http://localhost:" + port);
    }

    /** With a cookie jar, like one browser tab. */
    static Http browser(int port) {
        return new Http(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), "http://localhost:" + port);
    }

    record Reply(int status, String body, Map<String, List<String>> headers) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        List<Map<String, Object>> list() {
            return read(new TypeReference<>() { });
        }

        Map<String, Object> object() {
            return read(new TypeReference<>() { });
        }

        private <T> T read(TypeReference<T> type) {
            try {
                return JSON.readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    Reply get(String path, String... userAndPassword) {
        return send(request(path, userAndPassword).GET());
    }

    Reply postJson(String path, String json, String... userAndPassword) {
        return send(request(path, userAndPassword).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply postForm(String path, String form, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return send(request);
    }

    private HttpRequest.Builder request(String path, String... userAndPassword) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (userAndPassword.length == 2) {
            String token = userAndPassword[0] + ":" + userAndPassword[1];
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
