package shop.commerce.dataplatform.infrastructure;

import org.springframework.kafka.support.ProducerListener;
import org.springframework.stereotype.Component;

/**
 * Replaces spring-kafka's default listener, which logs an ERROR with the payload for every record
 * that fails to send: while Kafka is down that is up to a batch of lines per relay round. The
 * relay already logs each failed round once, with its root cause, and keeps the events.
 */
@Component
class QuietProducerListener implements ProducerListener<Object, Object> {
}
