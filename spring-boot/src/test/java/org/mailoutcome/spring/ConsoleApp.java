package org.mailoutcome.spring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mailoutcome.testkit.SmtpServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * A whole servlet application on a free port, with every auto-configuration of the class path (Tomcat, Spring MVC,
 * Actuator, an embedded H2 {@code DataSource}, mail-outcome's), against a testkit server; and an HTTP client for it.
 */
final class ConsoleApp implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final ConfigurableApplicationContext context;
    /** Every application event published since the start (its payload), in order. */
    final List<Object> published = new CopyOnWriteArrayList<>();
    private final int port;

    private ConsoleApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e ->
                published.add(e.getPayload()));
    }

    static ConsoleApp start(SmtpServer smtp, String... properties) {
        return start(smtp, List.of(), properties);
    }

    /** The application with these configuration classes of the test's own besides auto-configuration. */
    static ConsoleApp start(SmtpServer smtp, List<Class<?>> configurations, String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port(),
                "--spring.datasource.url=jdbc:h2:mem:console" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
        for (String p : properties) args.add("--" + p);
        List<Class<?>> sources = new ArrayList<>(List.of(App.class));
        sources.addAll(configurations);
        SpringApplication application = new SpringApplication(sources.toArray(Class<?>[]::new));
        return new ConsoleApp(application.run(args.toArray(String[]::new)));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> post(String path, String body, String... headerNamesAndValues)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        context.close();
    }

    /** The application: nothing of its own but auto-configuration. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
