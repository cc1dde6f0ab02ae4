package io.balance.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.balance.infra.EmbeddedInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console's bookmarkable paths answer with its page (no token needed, page security headers, strict CSP), and
 * its modules and the ECharts webjar are served from the classpath. The pages themselves are driven in Chromium by
 * system-tests' ConsoleBrowserTest.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(FakeServices.class)
class ConsolePagesTest {
    @ParameterizedTest
    @ValueSource(strings = {"/", "/console/counties/410329/2025", "/console/schools/4103290001/reports/2025",
        "/console/counties/410329/reports/2025", "/console/counties/410329/problems", "/console/counties/410329/reviews/2025",
        "/console/surveys/3f2a", "/console/rollups/410000/2025"})
    void bookmarkablePathsServeTheConsole(String path) {
        Api.anonymous().get(path).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Frame-Options", is("DENY"))
                .body(containsString("<script type=\"module\" src=\"/ui/main.js\"></script>"))
                .body(containsString("县域义务教育均衡发展督导评估平台"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console2/x", "/pages/410329/2025"})
    void otherPathsAreNotTheConsole(String path) {
        Api.anonymous().get(path).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ui/main.js", "/ui/pages/dashboard.js", "/ui/console.css",
        "/webjars/echarts/5.3.1/dist/echarts.esm.min.js"})
    void modulesAndChartLibraryAreServed(String path) {
        Api.anonymous().get(path).then().statusCode(200).header("X-Content-Type-Options", is("nosniff"));
    }
}
