package dev.tocsin.provider.twilio;

/** The few TwiML answers Tocsin gives, with the text XML-escaped. */
public final class TwiML {
    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    /** Seconds the call waits for a key before saying goodbye. */
    static final int GATHER_TIMEOUT_SECONDS = 10;

    private TwiML() {
    }

    public static String message(String text) {
        return HEAD + "<Response><Message>" + escape(text) + "</Message></Response>";
    }

    /** Says the text, pauses, and says it again (codes and test calls). */
    public static String sayTwice(String text) {
        return HEAD + "<Response><Say>" + escape(text) + "</Say><Pause length=\"1\"/><Say>" + escape(text)
                + "</Say></Response>";
    }

    public static String say(String text) {
        return HEAD + "<Response><Say>" + escape(text) + "</Say></Response>";
    }

    /** Says the page, then waits for one key; the key goes to {@code action}. */
    public static String gather(String page, String choices, String action) {
        return HEAD + "<Response><Gather input=\"dtmf\" numDigits=\"1\" timeout=\"" + GATHER_TIMEOUT_SECONDS
                + "\" action=\"" + escape(action) + "\" method=\"POST\"><Say>" + escape(page) + "</Say><Say>"
                + escape(choices) + "</Say></Gather><Say>No key was pressed. Goodbye.</Say></Response>";
    }

    public static String escape(String text) {
        return dev.tocsin.provider.Markup.escape(text);
    }
}
