package rasad.eventstore.integrity;

/**
 * Somewhere outside MongoDB that keeps a copy of each new seal's digest, so that a database writer who
 * rewrites the store — even one holding the signing key — cannot also rewrite what was witnessed.
 */
public interface SealWitness {

    SealWitness NONE = seal -> {};

    /** Records a seal just written. A witness that fails must not stop sealing: it is logged and counted. */
    void witness(Seal seal);

    /** The last block this witness recorded, if it can tell (0: none, or it cannot). */
    default long lastWitnessedBlock() {
        return 0;
    }
}
