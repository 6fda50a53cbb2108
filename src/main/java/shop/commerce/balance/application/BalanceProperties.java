package shop.commerce.balance.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import shop.commerce.balance.domain.ChargePolicy;

/** {@code commerce.balance.*}: the charge policy. */
@ConfigurationProperties("commerce.balance")
public record BalanceProperties(@DefaultValue("1000") long minCharge, @DefaultValue("1000000") long maxCharge,
        @DefaultValue("1") long chargeUnit, @DefaultValue("10000000") long maxBalance) {

    public ChargePolicy chargePolicy() {
        return new ChargePolicy(minCharge, maxCharge, chargeUnit, maxBalance);
    }
}
