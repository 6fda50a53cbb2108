package shop.commerce.support.idempotency;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The keys of several requests whose work one transaction does together (a batch of payments):
 * each key's "in progress" mark taken, and each finished outcome (prepared before) stored, inside that transaction,
 * exactly as {@link IdempotentRequests#execute} does for one request.
 */
@Component
public class IdempotencyClaims {

    private final JdbcClient jdbc;
    private final IdempotencyRecordRepository records;
    private final JsonMapper jsonMapper;

    IdempotencyClaims(JdbcClient jdbc, IdempotencyRecordRepository records, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.records = records;
        this.jsonMapper = jsonMapper;
    }

    /**
     * Takes the keys' marks for the rest of the transaction, in ascending lock name (they are only
     * tried, never waited for, so no order of them can deadlock). Answers per claim, in order: empty
     * when it is taken and its work should run, or the exception its request must answer with: a key
     * held by another transaction, or twice in this batch, is still in progress; a key whose outcome
     * was stored meanwhile is replayed ({@link IdempotentReplay}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Optional<RuntimeException>> take(List<IdempotencyClaim> claims) {
        List<String> names = claims.stream().map(IdempotencyClaim::lockName).distinct().sorted().toList();
        Set<String> locked = new HashSet<>(jdbc.sql("""
                select k.name from unnest(cast(:names as text[])) with ordinality as k(name, n)
                 where pg_try_advisory_xact_lock(hashtextextended(k.name, 0))
                 order by k.n
                """)
                .param("names", names.toArray(String[]::new))
                .query(String.class).list());
        Set<String> seen = new HashSet<>();
        List<Optional<RuntimeException>> answers = new ArrayList<>();
        for (IdempotencyClaim claim : claims) {
            if (!locked.contains(claim.lockName()) || !seen.add(claim.lockName())) {
                answers.add(Optional.of(IdempotentRequests.inProgress()));
                continue;
            }
            answers.add(records.find(claim.userId(), claim.key(), claim.now()).map(IdempotentReplay::new));
        }
        return answers;
    }

    /** The answer to store for the claim once its work succeeds: {@code status} with {@code body} as JSON. */
    public PreparedAnswer prepare(IdempotencyClaim claim, int status, Object body) {
        return new PreparedAnswer(claim,
                claim.answer(status, MediaType.APPLICATION_JSON_VALUE, jsonMapper.writeValueAsString(body)));
    }

    /** Stores the prepared answer of a claim taken in this transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void store(PreparedAnswer answer) {
        IdempotencyClaim claim = answer.claim();
        records.save(claim.userId(), claim.key(), answer.response(), claim.now(), claim.expiresAt());
    }
}
