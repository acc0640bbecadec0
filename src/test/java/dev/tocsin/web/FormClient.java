package dev.tocsin.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a screen: keeps cookies, posts forms, does not follow redirects (tests look at them). */
final class FormClient {
    record Page(int status, String body, java.net.http.HttpHeaders headers) {
        String location() {
            return headers.firstValue("Location").orElse(null);
        }

        /** The anti-forgery token the page's forms carry. */
        String csrf() {
            Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(body);
            if (!matcher.find()) throw new AssertionError("no _csrf field on the page:\n" + body);
            return matcher.group(1);
        }
    }

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    FormClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
    }

    Page post(String path, Map<String, String> form) {
        return post(path, java.util.List.copyOf(form.entrySet()));
    }

    /** Posts fields in order; a name may repeat (ticked checkboxes of one name). */
    Page post(String path, java.util.List<Map.Entry<String, String>> form) {
        String body = form.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Page signIn(String email, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("password", password);
        return post("/login", form);
    }

    /** The Cookie header this browser would send. */
    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Copies this browser's cookies to another, like a stolen cookie would be. */
    void copyCookiesTo(FormClient other) {
        cookies.getCookieStore().getCookies().forEach(cookie -> other.cookies.getCookieStore().add(URI.create(baseUrl), cookie));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
