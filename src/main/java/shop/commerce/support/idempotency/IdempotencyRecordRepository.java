package shop.commerce.support.idempotency;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import shop.commerce.support.persistence.SqlTime;

@Repository
class IdempotencyRecordRepository {

    private final JdbcClient jdbc;

    IdempotencyRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredResponse> find(long userId, String key, Instant now) {
        return jdbc.sql("""
                select request_method, request_path, request_digest, request_body, response_status,
                       response_content_type, response_body
                  from idempotency_record
                 where user_id = :userId and idempotency_key = :key and expires_at > :now
                """)
                .param("userId", userId).param("key", key).param("now", SqlTime.param(now))
                .query((rs, n) -> new StoredResponse(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7)))
                .optional();
    }

    void save(long userId, String key, StoredResponse response, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into idempotency_record (user_id, idempotency_key, request_method, request_path, request_digest,
                       request_body, response_status, response_content_type, response_body, created_at, expires_at)
                values (:userId, :key, :method, :path, :requestDigest, null, :status, :contentType, :body, :now,
                        :expiresAt)
                on conflict (user_id, idempotency_key) do update
                   set request_method = excluded.request_method, request_path = excluded.request_path,
                       request_digest = excluded.request_digest, request_body = null,
                       response_status = excluded.response_status,
                       response_content_type = excluded.response_content_type,
                       response_body = excluded.response_body, created_at = excluded.created_at,
                       expires_at = excluded.expires_at
                 where idempotency_record.expires_at <= excluded.created_at
                """)
                .param("userId", userId).param("key", key)
                .param("method", response.requestMethod()).param("path", response.requestPath())
                .param("requestDigest", response.requestDigest()).param("status", response.status())
                .param("contentType", response.contentType()).param("body", response.body())
                .param("now", SqlTime.param(now)).param("expiresAt", SqlTime.param(expiresAt))
                .update();
    }

    int deleteExpired(Instant now, int limit) {
        return jdbc.sql("""
                delete from idempotency_record
                 where ctid in (select ctid from idempotency_record where expires_at <= :now limit :limit)
                """)
                .param("now", SqlTime.param(now)).param("limit", limit)
                .update();
    }
}
