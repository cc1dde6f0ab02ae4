package io.balance.gateway.routing;

/** How the gateway treats a path before routing it: who may call it and how it is counted. */
public enum GatewayRoute {
    /** No token needed; rate-limited per client address. */
    PUBLIC,
    /** The token endpoint: no token needed; its own, stricter per-address limit. */
    TOKEN,
    /** A valid bearer token needed; rate-limited per identity. */
    AUTHENTICATED,
    /** Pages, health, OpenAPI and Swagger UI: no token, no rate limit, page security headers. */
    PAGE;

    public static final String GATEWAY = "gateway";

    public static GatewayRoute of(String path) {
        if (path.equals("/api/v1/auth/token")) {
            return TOKEN;
        }
        if (path.startsWith("/api/v1/public/") || path.equals("/api/v1/public")
                || path.startsWith("/s/") || path.equals("/s")) {
            return PUBLIC;
        }
        if (path.startsWith("/api/")) {
            return AUTHENTICATED;
        }
        return PAGE;
    }
}
