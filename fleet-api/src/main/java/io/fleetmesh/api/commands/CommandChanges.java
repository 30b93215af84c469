package io.fleetmesh.api.commands;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change to a stored command: in its own transaction, retried when a concurrent change (a truck's report
 * racing the dispatcher) got there first, publishing the transition it made.
 */
@Component
class CommandChanges {

    private static final int ATTEMPTS = 5;

    private final CommandRepository commands;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    CommandChanges(CommandRepository commands, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.commands = commands;
        this.transactions = new TransactionTemplate(transactions);
        // its own transaction always, also when called after another one's commit (the dispatcher is)
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
    }

    /** The command after the change, or empty if there is no such command. */
    Optional<Command> apply(UUID id, Consumer<Command> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.ofNullable(transactions.execute(status -> changeOnce(id, change)));
            } catch (OptimisticLockingFailureException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private Command changeOnce(UUID id, Consumer<Command> change) {
        Command command = commands.findById(id).orElse(null);
        if (command == null) {
            return null;
        }
        CommandState before = command.state();
        change.accept(command);
        Command saved = commands.saveAndFlush(command);
        if (saved.state() != before) {
            events.publishEvent(saved.transitioned());
        }
        return saved;
    }
}
