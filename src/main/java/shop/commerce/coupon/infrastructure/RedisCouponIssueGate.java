package shop.commerce.coupon.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.redisson.api.RLock;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.CommonOptions;
import org.redisson.api.options.InvocationOptions;
import org.redisson.api.options.KeysOptions;
import org.redisson.api.options.MapOptions;
import org.redisson.api.options.OptionalOptions;
import org.redisson.api.options.PlainOptions;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StreamUtils;

import shop.commerce.coupon.domain.Coupon;
import shop.commerce.coupon.domain.CouponIssueGate;
import shop.commerce.coupon.domain.CouponRepository;
import shop.commerce.coupon.domain.IssueRefusal;
import shop.commerce.coupon.domain.IssueWindow;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;

/**
 * The coupon gate in Redis, four keys per coupon sharing one hash slot under
 * {@code coupon-gate:{id}:}: {@code definition} (total and issuing window), {@code confirmed}
 * (users the database holds a coupon for), {@code pending} (claims not yet confirmed, each with a
 * deadline) and {@code claims} (each pending claim's id). A claim is one Lua script; the gate
 * counts confirmed + pending against the total.
 * <p>
 * A rebuild resets the gate from the database under the gate's Redisson lock: the confirmed users
 * are built in a fresh key and swapped in with the definition, so a stale definition or user set
 * (after a restore of the database) does not survive it. When the gate is missing (Redis restarted, flushed, or the gate went idle),
 * the request that gets its lock rebuilds it while the others poll; a gate that admitted more
 * than the database accepted is resynchronized the same way.
 */
@Component
class RedisCouponIssueGate implements CouponIssueGate {

    private static final Logger log = LoggerFactory.getLogger(RedisCouponIssueGate.class);
    private static final long REBUILD_POLL_MILLIS = 20;
    private static final int HOLDERS_PER_COMMAND = 1_000;
    private static final long CLAIMED = 0, NOT_BUILT = 1, NOT_ISSUABLE = 2, ALREADY_ISSUED = 3, SOLD_OUT = 4;

    private final RedissonClient redisson;
    private final CouponRepository coupons;
    private final CouponGateProperties properties;
    private final RScript scripts;
    private final String claimScript;
    private final String confirmScript;
    private final String giveBackScript;
    private final String resetScript;

    RedisCouponIssueGate(RedissonClient redisson, CouponRepository coupons, CouponGateProperties properties) {
        this.redisson = redisson;
        this.coupons = coupons;
        this.properties = properties;
        this.scripts = redisson.getScript(invocation(OptionalOptions.defaults().codec(StringCodec.INSTANCE)));
        this.claimScript = script("redis/coupon-gate-claim.lua");
        this.confirmScript = script("redis/coupon-gate-confirm.lua");
        this.giveBackScript = script("redis/coupon-gate-give-back.lua");
        this.resetScript = script("redis/coupon-gate-reset.lua");
    }

    @Override
    public Optional<IssueRefusal> claim(long couponId, long userId, String claimId, Instant now) {
        GateKeys keys = GateKeys.of(couponId);
        Object[] arguments = { Long.toString(userId), claimId, Long.toString(micros(now)),
                Long.toString(properties.claimTtl().toMillis()), idleTtlMillis() };
        try {
            long answer = eval(claimScript, keys, arguments);
            if (answer != NOT_BUILT) {
                return refusal(answer);
            }
            Optional<Coupon> coupon = coupons.find(couponId);
            if (coupon.isEmpty()) {
                return Optional.of(IssueRefusal.NOT_FOUND);
            }
            long deadline = System.nanoTime() + properties.rebuildWait().toNanos();
            while (true) {
                rebuildUnlessAnotherRequestIs(keys, coupon.get());
                answer = eval(claimScript, keys, arguments);
                if (answer != NOT_BUILT) {
                    return refusal(answer);
                }
                if (System.nanoTime() > deadline) {
                    throw unavailable("The coupon gate was not rebuilt in time", null);
                }
                pause();
            }
        } catch (RedisException unreachable) {
            // the script may have run with its answer lost: give the claim back if Redis still listens
            giveBack(couponId, userId, claimId);
            throw unavailable("Redis unavailable", unreachable);
        }
    }

    @Override
    public void confirm(long couponId, long userId) {
        try {
            eval(confirmScript, GateKeys.of(couponId), Long.toString(userId), idleTtlMillis());
        } catch (RedisException unreachable) {
            // the claim expires; a later request by this user is refused by the database and confirmed then
            log.warn("Could not confirm coupon {} for user {} in the gate: {}", couponId, userId, unreachable.toString());
        }
    }

    @Override
    public void giveBack(long couponId, long userId, String claimId) {
        try {
            eval(giveBackScript, GateKeys.of(couponId), Long.toString(userId), claimId);
        } catch (RedisException unreachable) {
            log.warn("Could not give back the claim of user {} on coupon {}; it expires by itself: {}", userId,
                    couponId, unreachable.toString());
        }
    }

    @Override
    public void resynchronize(long couponId) {
        GateKeys keys = GateKeys.of(couponId);
        try {
            RLock lock = lock(keys);
            if (!lock.tryLock(0, properties.rebuildLease().toMillis(), TimeUnit.MILLISECONDS)) {
                return; // another request is already bringing it in line
            }
            try {
                Optional<Coupon> coupon = coupons.find(couponId);
                if (coupon.isPresent()) {
                    load(keys, coupon.get());
                } else {
                    redisson.getKeys(invocation(KeysOptions.defaults())).delete(keys.all());
                }
            } finally {
                unlock(lock);
            }
        } catch (RedisException unreachable) {
            log.warn("Could not resynchronize the gate of coupon {}: {}", couponId, unreachable.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Builds the gate from the database under its lock. A request that does not get the lock at
     * once leaves the work to the holder and polls the gate instead of queueing for the lock: a
     * flood waiting in line for a lock would take turns long after the gate is back.
     */
    private void rebuildUnlessAnotherRequestIs(GateKeys keys, Coupon coupon) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The coupon gate must not be rebuilt inside a transaction");
        }
        RLock lock = lock(keys);
        boolean locked;
        try {
            locked = lock.tryLock(0, properties.rebuildLease().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while rebuilding the coupon gate", null);
        }
        if (!locked) {
            return;
        }
        try {
            boolean built = redisson.getMap(invocation(MapOptions.<String, String>name(keys.definition())
                    .codec(StringCodec.INSTANCE))).containsKey("total");
            if (!built) {
                load(keys, coupon);
                log.info("Rebuilt the issue gate of coupon {} from the database", coupon.id());
            }
        } finally {
            unlock(lock);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(REBUILD_POLL_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while waiting for the coupon gate", null);
        }
    }

    /**
     * Resets the gate from the database, under its lock: the confirmed users are built in a fresh
     * set and swapped in with the definition in one script, so nothing the database no longer
     * holds survives. A coupon issued while the set was being built is confirmed into the old set
     * and lost in the swap: the holders are read once more after it and added, which covers every
     * issue committed before that read; one committed after it confirms into the new set.
     */
    private void load(GateKeys keys, Coupon coupon) {
        redisson.getKeys(invocation(KeysOptions.defaults())).delete(keys.next());
        addHolders(keys.next(), coupon.id());
        IssueWindow window = coupon.definition().issueWindow();
        scripts.eval(RScript.Mode.READ_WRITE, resetScript, RScript.ReturnType.LONG, keys.resetKeys(),
                Integer.toString(coupon.definition().totalQuantity()), bound(window.startsAt()),
                bound(window.endsAt()), idleTtlMillis());
        addHolders(keys.confirmed(), coupon.id());
    }

    private void addHolders(String key, long couponId) {
        List<String> holders = coupons.holders(couponId).stream().map(String::valueOf).toList();
        for (int from = 0; from < holders.size(); from += HOLDERS_PER_COMMAND) {
            redisson.<String>getSet(invocation(PlainOptions.name(key).codec(StringCodec.INSTANCE)))
                    .addAll(holders.subList(from, Math.min(holders.size(), from + HOLDERS_PER_COMMAND)));
        }
    }

    private long eval(String script, GateKeys keys, Object... arguments) {
        Long answer = scripts.eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.LONG, keys.scriptKeys(),
                arguments);
        return answer;
    }

    private RLock lock(GateKeys keys) {
        return redisson.getLock(invocation(CommonOptions.name(keys.lock())));
    }

    private <T extends InvocationOptions<T>> T invocation(T options) {
        return options.timeout(properties.redisTimeout())
                .retryAttempts(properties.redisRetryAttempts())
                .retryInterval(properties.redisRetryInterval());
    }

    private static Optional<IssueRefusal> refusal(long answer) {
        if (answer == CLAIMED) {
            return Optional.empty();
        }
        if (answer == NOT_ISSUABLE) {
            return Optional.of(IssueRefusal.NOT_ISSUABLE);
        }
        if (answer == ALREADY_ISSUED) {
            return Optional.of(IssueRefusal.ALREADY_ISSUED);
        }
        if (answer == SOLD_OUT) {
            return Optional.of(IssueRefusal.SOLD_OUT);
        }
        throw new IllegalStateException("Unexpected answer from the coupon gate: " + answer);
    }

    private static void unlock(RLock lock) {
        try {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        } catch (IllegalMonitorStateException | RedisException lost) {
            // the lock's lease ran out or Redis forgot it: nothing left to release
        }
    }

    private String idleTtlMillis() {
        return Long.toString(properties.idleTtl().toMillis());
    }

    private static String bound(Instant instant) {
        return instant == null ? "" : Long.toString(micros(instant));
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static BusinessException unavailable(String reason, RuntimeException cause) {
        log.warn("Coupon issuing unavailable: {}{}", reason, cause == null ? "" : " (" + cause + ")");
        return new BusinessException(CommonErrorCode.SERVICE_UNAVAILABLE,
                "Coupon issuing is unavailable right now; retry shortly", Map.of("retryAfterSeconds", 1L));
    }

    private static String script(String path) {
        try {
            return StreamUtils.copyToString(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record GateKeys(String definition, String confirmed, String pending, String claims, String lock,
            String next) {

        static GateKeys of(long couponId) {
            String prefix = "coupon-gate:{" + couponId + "}:";
            return new GateKeys(prefix + "definition", prefix + "confirmed", prefix + "pending", prefix + "claims",
                    prefix + "lock", prefix + "confirmed-next");
        }

        List<Object> scriptKeys() {
            return List.of(definition, confirmed, pending, claims);
        }

        List<Object> resetKeys() {
            return List.of(definition, confirmed, pending, claims, next);
        }

        String[] all() {
            return new String[] { definition, confirmed, pending, claims, next };
        }
    }
}
