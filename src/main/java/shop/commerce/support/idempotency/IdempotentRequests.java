package shop.commerce.support.idempotency;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.support.error.FieldViolation;
import shop.commerce.support.error.Problems;
import shop.commerce.support.persistence.AdvisoryLocks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} mechanism of docs/api.md, for any endpoint whose controller wraps its work
 * in {@link #execute}.
 * <p>
 * The key's "in progress" mark is a PostgreSQL advisory lock held by the business transaction
 * itself, and the outcome is stored in that same transaction: a request that dies takes its mark
 * with it, and a finished one is visible to every instance the moment it commits. A refusal by
 * the business rules is rolled back to a savepoint and stored without letting go of the lock.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyRecordRepository records;
    private final AdvisoryLocks locks;
    private final IdempotencyProperties properties;
    private final TransactionTemplate outer;
    private final DataSource dataSource;
    private final JsonMapper jsonMapper;
    private final Clock clock;

    IdempotentRequests(IdempotencyRecordRepository records, AdvisoryLocks locks, IdempotencyProperties properties,
            PlatformTransactionManager transactionManager, DataSource dataSource,
            JsonMapper jsonMapper, Clock clock) {
        this.records = records;
        this.locks = locks;
        this.properties = properties;
        this.outer = new TransactionTemplate(transactionManager);
        this.dataSource = dataSource;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    /**
     * Runs {@code action} once per key: a request without the header runs as is; a repeated one
     * is answered from the stored outcome.
     *
     * @param beforeExecution a check that applies to requests that are not replays (a rate limit)
     */
    public ResponseEntity<?> execute(HttpServletRequest request, long userId, Runnable beforeExecution,
            Supplier<ResponseEntity<?>> action) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            beforeExecution.run();
            return action.get();
        }
        requireValid(key);
        Instant now = clock.instant();
        Optional<StoredResponse> finished = records.find(userId, key, now);
        if (finished.isPresent()) {
            return replay(finished.get(), request);
        }
        beforeExecution.run();
        return outer.execute(status -> {
            Optional<ResponseEntity<?>> finishedMeanwhile = takeKey(userId, key, now, request);
            if (finishedMeanwhile.isPresent()) {
                return finishedMeanwhile.get();
            }
            ResponseEntity<?> response;
            Connection connection = DataSourceUtils.getConnection(dataSource);
            Savepoint beforeAction = setSavepoint(connection);
            try {
                response = action.get();
            } catch (BusinessException refusal) {
                if (!isStoredRefusal(refusal)) {
                    throw refusal;
                }
                rollbackTo(connection, beforeAction);
                response = refusalResponse(refusal);
            }
            Objects.requireNonNull(response);
            if (response.getStatusCode().is2xxSuccessful() || isStoredRefusal(response.getStatusCode().value())) {
                records.save(userId, key, storedFrom(request, response), now, now.plus(properties.ttl()));
            }
            return response;
        });
    }

    /**
     * Like {@link #execute}, for work that runs in a transaction of its own, on another thread
     * (a batch of payments): {@code action} gets the key's claim (null without the header) and the
     * work's transaction must {@link IdempotencyClaims#take take} it and {@link IdempotencyClaims#store
     * store} its successful outcome. A refusal it throws is stored here afterwards, under the key's
     * mark: it changed nothing, so a retry that ran meanwhile answers for both.
     */
    public ResponseEntity<?> executeClaimed(HttpServletRequest request, long userId, Runnable beforeExecution,
            Function<IdempotencyClaim, ResponseEntity<?>> action) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            beforeExecution.run();
            return action.apply(null);
        }
        requireValid(key);
        Instant now = clock.instant();
        Optional<StoredResponse> finished = records.find(userId, key, now);
        if (finished.isPresent()) {
            return replay(finished.get(), request);
        }
        beforeExecution.run();
        IdempotencyClaim claim = new IdempotencyClaim(userId, key, request.getMethod(), pathOf(request),
                digestOf(request), now, now.plus(properties.ttl()));
        try {
            return action.apply(claim);
        } catch (IdempotentReplay replay) {
            return replay(replay.stored(), request);
        } catch (BusinessException refusal) {
            if (!isStoredRefusal(refusal)) {
                throw refusal;
            }
            return outer.execute(status -> takeKey(userId, key, now, request).orElseGet(() -> {
                ResponseEntity<?> response = refusalResponse(refusal);
                records.save(userId, key, storedFrom(request, response), now, now.plus(properties.ttl()));
                return response;
            }));
        }
    }

    /**
     * Takes the key's "in progress" mark for the rest of the transaction (409 at once when another
     * holds it), then answers the outcome another request stored meanwhile, if any.
     */
    private Optional<ResponseEntity<?>> takeKey(long userId, String key, Instant now, HttpServletRequest request) {
        if (!locks.tryLock(lockName(userId, key))) {
            throw inProgress();
        }
        return records.find(userId, key, now).map(stored -> replay(stored, request));
    }

    static BusinessException inProgress() {
        return new BusinessException(CommonErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
                "A request with this Idempotency-Key is still being processed");
    }

    static String lockName(long userId, String key) {
        return "idempotency:" + userId + ":" + key;
    }

    private static void requireValid(String key) {
        if (!VALID_KEY.matcher(key).matches()) {
            throw new BusinessException(CommonErrorCode.VALIDATION_FAILED,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters",
                    java.util.Map.of("errors", List.of(new FieldViolation(HEADER, "1 to 255 visible ASCII characters"))));
        }
    }

    private static ResponseEntity<?> refusalResponse(BusinessException refusal) {
        return ResponseEntity.status(refusal.errorCode().status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(refusal));
    }

    private static Savepoint setSavepoint(Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not set a savepoint", e);
        }
    }

    /** Undoes the refused action's writes, keeping the transaction and the key's lock. */
    private void rollbackTo(Connection connection, Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not roll back to a savepoint", e);
        }
    }

    private static boolean isStoredRefusal(BusinessException refusal) {
        return isStoredRefusal(refusal.errorCode().status().value())
                && refusal.errorCode() != CommonErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS;
    }

    private static boolean isStoredRefusal(int status) {
        return status == HttpStatus.NOT_FOUND.value() || status == HttpStatus.CONFLICT.value();
    }

    private ResponseEntity<?> replay(StoredResponse stored, HttpServletRequest request) {
        if (!sameRequest(stored, request)) {
            throw new BusinessException(CommonErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request");
        }
        return ResponseEntity.status(stored.status())
                .contentType(MediaType.parseMediaType(stored.contentType()))
                .header(REPLAYED_HEADER, "true")
                .body(stored.body().getBytes(StandardCharsets.UTF_8));
    }

    private StoredResponse storedFrom(HttpServletRequest request, ResponseEntity<?> response) {
        Object body = response.getBody() instanceof ProblemDetail problem ? Problems.asJsonObject(problem)
                : response.getBody();
        MediaType contentType = response.getHeaders().getContentType() != null
                ? response.getHeaders().getContentType()
                : MediaType.APPLICATION_JSON;
        return new StoredResponse(request.getMethod(), pathOf(request), digestOf(request), null,
                response.getStatusCode().value(), contentType.toString(),
                body == null ? "" : jsonMapper.writeValueAsString(body));
    }

    private boolean sameRequest(StoredResponse stored, HttpServletRequest request) {
        if (stored.requestDigest() != null) {
            return stored.requestDigest().equals(digestOf(request));
        }
        return stored.requestMethod().equals(request.getMethod()) && stored.requestPath().equals(pathOf(request))
                && sameJson(stored.legacyRequestBody(), bodyOf(request));
    }

    private String digestOf(HttpServletRequest request) {
        return RequestDigest.of(request.getMethod(), pathOf(request), bodyOf(request), jsonMapper);
    }

    /** Compares a body kept by a record written before digests were, with the request's. */
    private boolean sameJson(String storedBody, String body) {
        if (isBlank(storedBody) || isBlank(body)) {
            return isBlank(storedBody) && isBlank(body);
        }
        try {
            JsonNode stored = jsonMapper.readTree(storedBody);
            return stored.equals(jsonMapper.readTree(body));
        } catch (JacksonException unreadable) {
            return false;
        }
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
    }

    private static String bodyOf(HttpServletRequest request) {
        ContentCachingRequestWrapper cached = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
        return cached == null ? "" : new String(cached.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
