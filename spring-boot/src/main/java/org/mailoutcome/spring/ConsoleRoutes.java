package org.mailoutcome.spring;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.mailoutcome.tracking.DeliveryStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The console under its path: the page and its two files from the jar ({@code META-INF/mail-outcome-console/}),
 * and a JSON API under {@code api/}. Read-only unless configured: then {@code DELETE api/suppressions} is not even
 * routed. Who may call any of it is the application's security's decision (the paths are plain MVC routes).
 */
final class ConsoleRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);
    private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);
    private static final String FILES = "META-INF/mail-outcome-console/";
    /** Most rows a list returns. */
    private static final int MAX_ROWS = 1000;

    private ConsoleRoutes() {
    }

    static RouterFunction<ServerResponse> of(MailOutcomeConsoleProperties properties, ConsoleData data) {
        String path = properties.path();
        Resource index = new ClassPathResource(FILES + "index.html");
        RouterFunctions.Builder routes = RouterFunctions.route()
                .GET(path, request -> ServerResponse.permanentRedirect(URI.create(lastSegment(path) + "/")).build())
                .GET(path + "/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache()).body(index))
                .GET(path + "/api/overview", json(request -> data.overview(properties.readOnly())))
                .GET(path + "/api/address", json(request -> data.address(required(request, "address"))))
                .GET(path + "/api/sends", json(request -> data.sends(number(request, "limit", 50))))
                .GET(path + "/api/suppressions", json(request -> data.suppressions(MAX_ROWS)))
                .GET(path + "/api/retries", json(request -> data.retries()))
                .GET(path + "/api/chart", json(request -> data.chart(number(request, "days", 14),
                        number(request, "sends", 500))));
        if (!properties.readOnly()) {
            routes.DELETE(path + "/api/suppressions", json(request -> ConsoleViews.map("removed",
                    data.unsuppress(required(request, "address")))));
        }
        return routes.add(RouterFunctions.resources(path + "/**", new ClassPathResource(FILES))).build();
    }

    /** A JSON view, or 400 for a bad argument, 503 (and a WARN) when a store fails. */
    private static HandlerFunction<ServerResponse> json(View view) {
        return request -> {
            try {
                return ServerResponse.ok().contentType(JSON).cacheControl(CacheControl.noStore())
                        .body(Json.write(view.of(request)));
            } catch (IllegalArgumentException e) {
                return error(HttpStatus.BAD_REQUEST, e.getMessage());
            } catch (DeliveryStoreException | java.sql.SQLException e) {
                LOG.warn("mail-outcome console: {} failed: {}", request.path(), e.toString());
                return error(HttpStatus.SERVICE_UNAVAILABLE, "the store failed (see the application's log)");
            }
        };
    }

    private static ServerResponse error(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(JSON).body(Json.write(Map.of("error", message)));
    }

    @FunctionalInterface
    private interface View {
        Object of(ServerRequest request) throws Exception;
    }

    private static String required(ServerRequest request, String name) {
        return request.param(name).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("the parameter " + name + " is required"));
    }

    private static int number(ServerRequest request, String name, int otherwise) {
        String value = request.param(name).orElse(null);
        if (value == null) return otherwise;
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_ROWS) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a number from 1 to " + MAX_ROWS + ": " + value);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
