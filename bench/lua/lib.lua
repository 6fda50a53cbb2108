-- The machinery every scenario shares (loaded by scenario.lua): users and their tokens, a fixed
-- number of requests per run or a pause between a connection's requests, counting answers by
-- status and problem code, and one machine-readable result line printed by done().
--
-- Environment (set by bench/run.sh):
--   BENCH_TOKENS      file of bearer tokens, line N for user N
--   BENCH_USERS       "first-last": the users requests are spread over (random in duration mode)
--   BENCH_TOTAL       if set: exactly this many requests in all, each by a different user in
--                     order (first, first+1, ...), then the run ends; needs BENCH_THREADS (= -t)
--                     and BENCH_RUN_DIR (a fresh directory for the threads' end marks)
--   BENCH_PAUSE_MS    if set: each connection waits 0..2x this before each request (the crowd)
--   BENCH_REPEAT_EVERY in quota mode, if above 0: every Nth user of a thread gets two requests in a
--                     row, which leave side by side on two connections (BENCH_TOTAL counts both)
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *ts);
  int getpid(void);
  int kill(int pid, int sig);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC, shared by the threads of this process
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local first_user, last_user = (os.getenv("BENCH_USERS") or "1-1000"):match("(%d+)-(%d+)")
first_user, last_user = tonumber(first_user), tonumber(last_user)
local total = tonumber(os.getenv("BENCH_TOTAL") or "0")
local pause_ms = tonumber(os.getenv("BENCH_PAUSE_MS") or "0")
local repeat_every = tonumber(os.getenv("BENCH_REPEAT_EVERY") or "0")

local tokens
function token_of(user)
  if not tokens then
    tokens = {}
    for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end
  end
  return tokens[user] or error("no token for user " .. user .. " in " .. os.getenv("BENCH_TOKENS"))
end

-- Main state: number the threads and keep them for done().
local threads = {}
function setup(thread)
  thread:set("thread_index", #threads)
  threads[#threads + 1] = thread
end

-- Thread state.
statuses = {}   -- "200" or "409 OUT_OF_STOCK" -> count; read by done() through thread:get
first_ms, last_ms = nil, nil
sent = 0
local quota, reserved, answered, step = 0, 0, 0, 1

function init(args)
  math.randomseed(os.time() * 1000 + (thread_index or 0) * 7919)
  if total > 0 then
    local thread_count = tonumber(os.getenv("BENCH_THREADS"))
    step = thread_count
    quota = math.floor(total / thread_count) + ((thread_index < total % thread_count) and 1 or 0)
  end
end

-- The user of the next request: in quota mode thread i takes first+i, first+i+T, ...
-- (wrk also calls request() once on the first thread to check the script: that call is not sent.)
function next_user()
  if total > 0 then
    if sent < reserved then sent = sent + 1 end
    local n = math.max(sent, 1) - 1 -- this thread's request number, from 0
    if repeat_every > 0 then
      -- groups of repeat_every + 1 requests: the first user of each group twice, then the others
      local group, position = math.floor(n / (repeat_every + 1)), n % (repeat_every + 1)
      n = group * repeat_every + math.max(position - 1, 0)
    end
    return first_user + thread_index + n * step
  end
  sent = sent + 1
  return math.random(first_user, last_user)
end

-- wrk calls delay() before each request of a connection when the script defines it. In quota
-- mode it hands out the remaining requests one by one and parks connections once all are out.
if total > 0 or pause_ms > 0 then
  function delay()
    if total > 0 then
      if reserved >= quota then return 3600 * 1000 end
      reserved = reserved + 1
      first_ms = first_ms or now_ms()
      return 0
    end
    return math.random(0, 2 * pause_ms)
  end
end

local function mark_thread_done()
  local dir = os.getenv("BENCH_RUN_DIR")
  io.open(dir .. "/done-" .. thread_index, "w"):close()
  for i = 0, tonumber(os.getenv("BENCH_THREADS")) - 1 do
    local mark = io.open(dir .. "/done-" .. i)
    if not mark then return end
    mark:close()
  end
  -- Every thread is done: SIGINT makes wrk stop waiting for its -d and print the results. (Not
  -- os.execute("kill ..."): system() ignores SIGINT in the caller while the command runs.)
  ffi.C.kill(ffi.C.getpid(), 2)
end

function response(status, headers, body)
  local key = tostring(status)
  if status >= 400 then
    key = key .. " " .. (body and body:match('"code"%s*:%s*"([%w_]+)"') or "?")
  end
  statuses[key] = (statuses[key] or 0) + 1
  last_ms = now_ms()
  if total > 0 then
    answered = answered + 1
    if answered == quota then
      mark_thread_done()
      wrk.thread:stop()
    end
  end
end

local function json_map(map)
  local parts = {}
  for key, value in pairs(map) do parts[#parts + 1] = string.format('"%s":%s', key, value) end
  table.sort(parts)
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local counts, answered_total, sent_total, first, last = {}, 0, 0, nil, nil
  for _, thread in ipairs(threads) do
    sent_total = sent_total + thread:get("sent")
    for key, count in pairs(thread:get("statuses") or {}) do
      counts[key] = (counts[key] or 0) + count
      answered_total = answered_total + count
    end
    local f, l = thread:get("first_ms"), thread:get("last_ms")
    if f and (not first or f < first) then first = f end
    if l and (not last or l > last) then last = l end
  end
  -- In quota mode wrk's own duration includes the wait for the signal: use first request to last
  -- answer instead.
  local seconds = summary.duration / 1e6
  if total > 0 and first and last and last > first then seconds = (last - first) / 1000 end
  -- Requests sent and never answered. In duration mode this counts the ones in flight when the
  -- time was up: up to one per connection without pauses, a handful with pauses if all is well.
  local unanswered = total > 0 and (total - answered_total) or math.max(sent_total - 1 - answered_total, 0)
  local e = summary.errors
  io.write(string.format(
    'BENCH-RESULT {"answered":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,' ..
    '"statuses":%s,"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"unanswered":%d,"expected_total":%d,"paced":%s}\n',
    answered_total, seconds, answered_total / seconds, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    json_map(counts), e.connect, e.read, e.write, e.timeout, unanswered, total, tostring(pause_ms > 0)))
end
