-- Shared by the scenarios: each wrk connection takes users round-robin from user-tokens.txt, so
-- requests spread over many users (as real traffic does) and no one user's rate limit is hit.
local tokens = {}
for line in io.lines(os.getenv("BENCH_TOKENS") or "bench/results/user-tokens.txt") do
  tokens[#tokens + 1] = line
end

local counter = 0
function next_user()
  counter = counter + 1
  local index = ((counter * 7919 + (thread_id or 0) * 104729) % #tokens) + 1
  return index, tokens[index]
end

function setup(thread)
  thread:set("thread_id", math.random(1, 1000000))
end
