package dev.tocsin.migrate;

import java.io.PrintStream;

/** Where an import says how far it got: one overwritten line on a terminal, nothing otherwise. */
public interface Progress {
    Progress NONE = step -> { };

    void step(String what);

    /** A progress line on stderr, rewritten in place; only when stderr is a terminal (a console is attached). */
    static Progress onTerminal(PrintStream err) {
        if (System.console() == null) return NONE;
        return what -> {
            err.print("\r\033[K" + what);
            err.flush();
        };
    }
}
