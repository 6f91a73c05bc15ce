package rasad.edge.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import rasad.kernel.people.PersonalData;

/** A log line's message with national ids and mobile numbers masked ({@code %m} in Rasad's logging). */
public class MaskedMessage extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalData.masked(super.convert(event));
    }
}
