-- Token buckets, one per key, taken in order (a key may repeat: each request takes its own token).
-- KEYS[i]: a bucket. ARGV[2i-1]: its tokens per second, ARGV[2i]: its burst (capacity).
-- Returns {allowed1, wait1, allowed2, wait2, ...}: allowed 1 when a token was taken, else 0 and
-- the milliseconds until the next token.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local answers = {}
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[2 * i - 1])
  local burst = tonumber(ARGV[2 * i])
  local state = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(state[1])
  local at = tonumber(state[2])
  if tokens == nil or at == nil then
    tokens = burst
    at = now
  end
  tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
  local allowed = 0
  local wait = 0
  if tokens >= 1 then
    tokens = tokens - 1
    allowed = 1
  else
    wait = math.ceil((1 - tokens) * 1000 / rate)
  end
  redis.call('HSET', key, 'tokens', tostring(tokens), 'at', tostring(now))
  redis.call('PEXPIRE', key, math.ceil(burst * 1000 / rate) + 1000)
  answers[2 * i - 1] = allowed
  answers[2 * i] = wait
end
return answers
