package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.function.Function;

/** The shape of {@code cover accept|decline ID} and {@code swap accept|decline ID}: answer request ID, print it. */
abstract class AnswerCommand implements Runnable {
    @Mixin
    ServerOptions server;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    private final String collection;
    private final String answer;
    private final String field;
    private final Function<JsonNode, String> describe;

    /**
     * @param collection the requests' API path, e.g. {@code /api/v1/swaps}
     * @param answer     {@code accept} or {@code decline}
     * @param field      the answer's JSON field holding the request
     */
    AnswerCommand(String collection, String answer, String field, Function<JsonNode, String> describe) {
        this.collection = collection;
        this.answer = answer;
        this.field = field;
        this.describe = describe;
    }

    @Override
    public void run() {
        JsonNode request = server.client().post(collection + "/" + Paths.encode(id) + "/" + answer, null).path(field);
        spec.commandLine().getOut().println(describe.apply(request));
        spec.commandLine().getOut().flush();
    }
}
