package io.balance.kit.probe;

import io.balance.kit.problem.ProblemInstanceRedactor;
import jakarta.enterprise.context.ApplicationScoped;

/** The probe's secret-bearing paths, as a service like survey-service declares its invitation codes. */
@ApplicationScoped
public class ProbeRedactor implements ProblemInstanceRedactor {
    @Override
    public String redact(String path) {
        return path.replaceAll("^/api/probe/secret/[^/]*", "/api/probe/secret/{token}");
    }

    @Override
    public boolean logFailureDetails() {
        return false;
    }
}
