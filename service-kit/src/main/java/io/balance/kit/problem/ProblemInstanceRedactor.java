package io.balance.kit.problem;

/**
 * Optional hook for a service whose request paths carry secrets (survey-service: invitation codes in
 * {@code /s/{code}}). When the service has a bean of this type, {@link ProblemMappers} puts {@link #redact}'s
 * result into every problem's {@code instance} and into its log lines, instead of the raw path; without one the
 * raw path is used.
 */
public interface ProblemInstanceRedactor {
    /** The request path as it may be shown and logged, e.g. {@code /s/{code}} for {@code /s/K7QX-3MRA}. */
    String redact(String path);

    /**
     * Whether an unexpected failure is logged with its message and stack trace; false logs its type and where it
     * was thrown only (a message may quote what the request carried).
     */
    default boolean logFailureDetails() {
        return true;
    }
}
