package dev.tocsin.phone;

import dev.tocsin.phone.PhoneCommand.Action;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneCommandTest {
    @Test
    void digitsAndWordsWithOrWithoutAnIncidentNumber() {
        assertThat(PhoneCommand.parse("4")).contains(new PhoneCommand(Action.ACKNOWLEDGE, null));
        assertThat(PhoneCommand.parse(" ACK #123 ")).contains(new PhoneCommand(Action.ACKNOWLEDGE, 123L));
        assertThat(PhoneCommand.parse("6 42")).contains(new PhoneCommand(Action.RESOLVE, 42L));
        assertThat(PhoneCommand.parse("resolve")).contains(new PhoneCommand(Action.RESOLVE, null));
        assertThat(PhoneCommand.parse("8 #7.")).contains(new PhoneCommand(Action.ESCALATE, 7L));
        assertThat(PhoneCommand.parse("Escalate")).contains(new PhoneCommand(Action.ESCALATE, null));
    }

    @Test
    void anythingElseIsNotACommand() {
        assertThat(PhoneCommand.parse("5")).isEmpty();
        assertThat(PhoneCommand.parse("ok thanks")).isEmpty();
        assertThat(PhoneCommand.parse("4 please")).isEmpty();
        assertThat(PhoneCommand.parse("")).isEmpty();
        assertThat(PhoneCommand.parse(null)).isEmpty();
    }
}
