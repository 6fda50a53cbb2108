package shop.commerce.coupon.domain;

import java.time.Instant;
import java.util.Optional;

/** A coupon with how many of it have been issued, as the database counts them. */
public record Coupon(long id, CouponDefinition definition, int issuedQuantity) {

    public int remainingQuantity() {
        return definition.totalQuantity() - issuedQuantity;
    }

    /**
     * Why the coupon is not issued at {@code now} to a user who holds it already or not, the first
     * reason in docs/api.md's order first; empty when nothing stands in the way.
     */
    public Optional<IssueRefusal> refusalAt(Instant now, boolean alreadyHeld) {
        if (!definition.issueWindow().isOpenAt(now)) {
            return Optional.of(IssueRefusal.NOT_ISSUABLE);
        }
        if (alreadyHeld) {
            return Optional.of(IssueRefusal.ALREADY_ISSUED);
        }
        return remainingQuantity() <= 0 ? Optional.of(IssueRefusal.SOLD_OUT) : Optional.empty();
    }
}
