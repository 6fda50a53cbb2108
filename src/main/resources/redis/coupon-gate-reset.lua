-- Finishes a rebuild from the database: the confirmed users were just written to a fresh set
-- (KEYS[5]), which now replaces the gate's set whole, so users the database no longer holds a
-- coupon for are forgotten. Pending claims the database already holds are dropped (never counted
-- twice); the definition is rewritten from the database, which is what lets claims through again.
-- KEYS[1]: definition, KEYS[2]: confirmed users, KEYS[3]: pending claims, KEYS[4]: claim ids,
-- KEYS[5]: the freshly built confirmed users (absent when the database holds none)
-- ARGV[1]: total, ARGV[2]: startsAt, ARGV[3]: endsAt (epoch microseconds or ''), ARGV[4]: idle TTL (ms)
if redis.call('EXISTS', KEYS[5]) == 1 then
  redis.call('RENAME', KEYS[5], KEYS[2])
else
  redis.call('DEL', KEYS[2])
end
local pending = redis.call('ZRANGE', KEYS[3], 0, -1)
for _, user in ipairs(pending) do
  if redis.call('SISMEMBER', KEYS[2], user) == 1 then
    redis.call('ZREM', KEYS[3], user)
    redis.call('HDEL', KEYS[4], user)
  end
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'total', ARGV[1], 'startsAt', ARGV[2], 'endsAt', ARGV[3])
for i = 1, 4 do
  redis.call('PEXPIRE', KEYS[i], ARGV[4])
end
return 1
