package rasad.kernel.operations;

import org.axonframework.serialization.Revision;

/**
 * An admin asked for a read model to be rebuilt from the first event, and why; the query side carries it out and
 * lists how it went among the operator actions. Revision 1.
 */
@Revision("1")
public record ReadModelRebuildRequested(RebuildId rebuildId, String readModel, String reason) {}
