-- The database holds the user's coupon: whatever the user had pending becomes a confirmed claim.
-- KEYS[1]: definition, KEYS[2]: confirmed users, KEYS[3]: pending claims, KEYS[4]: claim ids
-- ARGV[1]: user id, ARGV[2]: idle TTL of the gate's keys (ms)
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[1])
for i = 1, 4 do
  redis.call('PEXPIRE', KEYS[i], ARGV[2])
end
return 1
