package rasad.command.audittrail;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import rasad.kernel.audit.AuditMetaData;

/**
 * Sends a command with who asked, for whom, why and under which request, and waits for its result.
 * <p>Every command is idempotent, so when it loses a race — two instances creating the same aggregate, or
 * appending to it at once — the store refuses the loser's append and it is sent again: it then sees the
 * winner's events and answers as a retry would. A busy case (a follow-up deadline firing on another instance
 * while the command is retried) can refuse more than once, so a few attempts are made, each after a short
 * random pause that keeps the racers apart; if every one loses, the client is told to retry.
 */
@Component
public class AttributedCommands {

    private static final int ATTEMPTS = 5;

    private final CommandGateway gateway;
    private final CommandMetaData metaData;

    AttributedCommands(CommandGateway gateway, CommandMetaData metaData) {
        this.gateway = gateway;
        this.metaData = metaData;
    }

    public <R> R send(Object command) {
        return send(command, Map.of());
    }

    /** With the user's reason, for corrections and decisions; a blank reason adds nothing. */
    public <R> R send(Object command, String reason) {
        return reason == null || reason.isBlank()
                ? send(command)
                : send(command, Map.of(AuditMetaData.REASON, reason.strip()));
    }

    public <R> R send(Object command, Map<String, ?> extraMetaData) {
        MetaData attributed = metaData.current().mergedWith(extraMetaData);
        var message = GenericCommandMessage.asCommandMessage(command).withMetaData(attributed);
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(message);
            } catch (AggregateStreamCreationException | ConcurrencyException lostTheRace) {
                if (attempt == ATTEMPTS) {
                    throw lostTheRace;
                }
                pauseBeforeAttempt(attempt);
            }
        }
    }

    private static void pauseBeforeAttempt(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5L * attempt, 25L * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a command", interrupted);
        }
    }
}
