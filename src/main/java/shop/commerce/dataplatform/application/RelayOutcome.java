package shop.commerce.dataplatform.application;

/**
 * What one relay round did.
 *
 * @param claimed events claimed from the outbox
 * @param published events Kafka acknowledged and the outbox now marks published
 * @param failure the error that stopped the round, or null
 */
public record RelayOutcome(int claimed, int published, Throwable failure) {

    static RelayOutcome idle() {
        return new RelayOutcome(0, 0, null);
    }

    public boolean failed() {
        return failure != null;
    }
}
