package dev.tocsin.store;

import org.jdbi.v3.core.Handle;

/** One unit of work for the {@link GroupCommitWriter}: runs inside a transaction shared with other jobs. */
@FunctionalInterface
public interface WriteJob<T> {
    T run(Handle handle) throws Exception;
}
