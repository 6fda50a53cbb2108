-- The database did not issue the coupon: the claim's slot is free again. Only this claim is
-- removed, never a later claim of the same user made after this one expired.
-- KEYS[1]: definition, KEYS[2]: confirmed users, KEYS[3]: pending claims, KEYS[4]: claim ids
-- ARGV[1]: user id, ARGV[2]: claim id
if redis.call('HGET', KEYS[4], ARGV[1]) == ARGV[2] then
  redis.call('ZREM', KEYS[3], ARGV[1])
  redis.call('HDEL', KEYS[4], ARGV[1])
  return 1
end
return 0
