-- The first-come coupon gate: already issued? sold out? then claim, in one atomic step.
-- KEYS[1]: the gate's definition (hash: total, startsAt, endsAt; epoch microseconds, '' when open)
-- KEYS[2]: users the database confirmed (set)
-- KEYS[3]: pending claims (sorted set: user -> deadline in Redis milliseconds)
-- KEYS[4]: the id of each pending claim (hash: user -> claim id)
-- ARGV[1]: user id, ARGV[2]: claim id (one per request), ARGV[3]: now (epoch microseconds, the
-- application's clock), ARGV[4]: claim TTL (ms), ARGV[5]: idle TTL of the gate's keys (ms)
-- Returns 0 claimed, 1 gate not built, 2 not issuable, 3 already issued, 4 sold out.
local definition = redis.call('HMGET', KEYS[1], 'total', 'startsAt', 'endsAt')
local total = tonumber(definition[1])
if total == nil then
  return 1
end
local now = tonumber(ARGV[3])
local startsAt = tonumber(definition[2])
local endsAt = tonumber(definition[3])
if (startsAt ~= nil and now < startsAt) or (endsAt ~= nil and now >= endsAt) then
  return 2
end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then
  return 3
end
local time = redis.call('TIME')
local nowMillis = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
-- claims whose database write never came (their instance died) free their slot
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', nowMillis)
if redis.call('ZSCORE', KEYS[3], ARGV[1]) then
  -- the user's own pending claim: the same command sent again, or the user's retry after the
  -- answer to its first request was lost. The retry takes the claim over (a new deadline, its own
  -- claim id): the user holds no coupon yet, and the database still issues at most one per user.
  redis.call('ZADD', KEYS[3], nowMillis + tonumber(ARGV[4]), ARGV[1])
  redis.call('HSET', KEYS[4], ARGV[1], ARGV[2])
  return 0
end
if redis.call('SCARD', KEYS[2]) + redis.call('ZCARD', KEYS[3]) >= total then
  return 4
end
redis.call('ZADD', KEYS[3], nowMillis + tonumber(ARGV[4]), ARGV[1])
redis.call('HSET', KEYS[4], ARGV[1], ARGV[2])
for i = 1, 4 do
  redis.call('PEXPIRE', KEYS[i], ARGV[5])
end
return 0
