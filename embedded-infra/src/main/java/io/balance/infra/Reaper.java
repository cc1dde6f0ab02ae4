package io.balance.infra;

import java.io.IOException;

/**
 * Makes sure a child process never outlives this JVM, even when the JVM is killed hard (kill -9, a CI
 * time-out): a tiny shell loop watches this JVM's pid and, once it is gone, signals the child.
 * Shutdown hooks cover the ordinary exits; the reaper covers the rest.
 */
record Reaper(Process watcher) {

    /**
     * @param childPidExpression a shell expression giving the pid to signal, e.g. {@code 1234} or
     *                           {@code $(head -1 /data/postmaster.pid)}
     * @param signal             the polite signal (TERM, INT); KILL follows 10 s later
     */
    static Reaper watch(String childPidExpression, String signal) {
        return watch(childPidExpression, signal, null);
    }

    /** As {@link #watch(String, String)}, and removes {@code leftover} once the child is gone. */
    static Reaper watch(String childPidExpression, String signal, java.nio.file.Path leftover) {
        long self = ProcessHandle.current().pid();
        String script = "while kill -0 " + self + " 2>/dev/null; do sleep 1; done; "
                + "p=" + childPidExpression + "; "
                + "if [ -n \"$p\" ]; then "
                + "kill -" + signal + " $p 2>/dev/null; "
                + "for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $p 2>/dev/null || break; sleep 1; done; "
                + "kill -KILL $p 2>/dev/null; fi; "
                + (leftover == null ? "" : "sleep 1; rm -rf '" + leftover + "'");
        try {
            Process process = new ProcessBuilder("/bin/sh", "-c", script)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new Reaper(process);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the process reaper", e);
        }
    }

    /** The child was stopped cleanly: the watcher is no longer needed. */
    void cancel() {
        watcher.destroy();
    }
}
