package io.balance.gateway.routing;

import java.util.Locale;

/** How the gateway treats a canonical path before routing it: who may call it and how it is counted. */
public enum GatewayRoute {
    /** No token needed; rate-limited per client address. */
    PUBLIC,
    /** The token endpoint: no token needed; sign-in throttling and its own per-address limit. */
    TOKEN,
    /** A valid bearer token needed; rate-limited per identity. */
    AUTHENTICATED,
    /** Management endpoints ({@code /q/*}): on the management interface only, never answered here (404). */
    MANAGEMENT,
    /** Pages, the merged OpenAPI and Swagger UI: no token, no rate limit, page security headers. */
    PAGE;

    public static final String GATEWAY = "gateway";

    /**
     * Classifies a canonical (decoded) path. Case and a trailing slash do not change the class, so {@code /API/…}
     * or {@code /api/v1/auth/token/} get the checks of the path they resemble (and then 404 if nothing answers).
     */
    public static GatewayRoute of(String canonicalPath) {
        String path = canonicalPath.toLowerCase(Locale.ROOT);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/api/v1/auth/token")) {
            return TOKEN;
        }
        if (path.startsWith("/api/v1/public/") || path.equals("/api/v1/public")
                || path.startsWith("/s/") || path.equals("/s") || path.startsWith("/p/")) {
            return PUBLIC;
        }
        if (path.startsWith("/api/") || path.equals("/api")) {
            return AUTHENTICATED;
        }
        if (path.startsWith("/q/") || path.equals("/q")) {
            return MANAGEMENT;
        }
        return PAGE;
    }
}
