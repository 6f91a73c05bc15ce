package rasad.edge.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import rasad.kernel.people.PersonalData;

/**
 * A stack trace with national ids and mobile numbers masked ({@code %wEx}): an exception's message may quote
 * what a request carried, a database's duplicate-key error the key itself.
 */
public class MaskedThrowable extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return PersonalData.masked(super.throwableProxyToString(proxy));
    }
}
