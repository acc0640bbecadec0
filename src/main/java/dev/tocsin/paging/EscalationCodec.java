package dev.tocsin.paging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tocsin.escalation.EscalationState;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@link EscalationState} as stored in {@code escalations.state}: the whole record as JSON, the policy
 * included, so an incident climbs the policy as it was when it was triggered even if the configuration
 * changes meanwhile (a re-trigger takes the current policy). Instants and durations as ISO-8601 text.
 */
final class EscalationCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EscalationCodec() {
    }

    static String write(EscalationState state) {
        try {
            return MAPPER.writeValueAsString(state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write escalation state of incident " + state.incidentId(), e);
        }
    }

    static EscalationState read(String json) {
        try {
            return MAPPER.readValue(json, EscalationState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored escalation state is unreadable: " + e.getMessage(), e);
        }
    }
}
