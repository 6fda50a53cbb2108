package shop.commerce.dataplatform.domain;

/** The kinds of event the data platform receives. */
public enum OrderEventType {
    ORDER_PAID,
    ORDER_CANCELLED
}
