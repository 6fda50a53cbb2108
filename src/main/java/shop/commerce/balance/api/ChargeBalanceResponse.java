package shop.commerce.balance.api;

import shop.commerce.balance.application.ChargeBalanceResult;

record ChargeBalanceResponse(long userId, long balance, long chargedAmount, long transactionId) {

    static ChargeBalanceResponse from(ChargeBalanceResult result) {
        return new ChargeBalanceResponse(result.userId(), result.balance(), result.chargedAmount(),
                result.transactionId());
    }
}
