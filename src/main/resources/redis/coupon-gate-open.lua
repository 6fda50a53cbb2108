-- Finishes a rebuild: the confirmed users were added from the database just before. Pending claims
-- the database already holds are dropped (never counted twice), then the definition is written,
-- which is what lets claims through again.
-- KEYS[1]: definition, KEYS[2]: confirmed users, KEYS[3]: pending claims, KEYS[4]: claim ids
-- ARGV[1]: total, ARGV[2]: startsAt, ARGV[3]: endsAt (epoch microseconds or ''), ARGV[4]: idle TTL (ms)
local pending = redis.call('ZRANGE', KEYS[3], 0, -1)
for _, user in ipairs(pending) do
  if redis.call('SISMEMBER', KEYS[2], user) == 1 then
    redis.call('ZREM', KEYS[3], user)
    redis.call('HDEL', KEYS[4], user)
  end
end
redis.call('HSET', KEYS[1], 'total', ARGV[1], 'startsAt', ARGV[2], 'endsAt', ARGV[3])
for i = 1, 4 do
  redis.call('PEXPIRE', KEYS[i], ARGV[4])
end
return 1
