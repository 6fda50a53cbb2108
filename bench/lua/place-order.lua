-- POST /api/v1/orders, paid at once from the balance: the service's hottest write path.
-- BENCH_OPTIONS lists productId:optionId pairs; each request orders one unit of one of them.
dofile("bench/lua/users.lua")
local lines = {}
for product, option in string.gmatch(os.getenv("BENCH_OPTIONS"), "(%d+):(%d+)") do
  lines[#lines + 1] = { product, option }
end

request = function()
  local user, token = next_user()
  local line = lines[(user * 31 + math.random(0, 1000)) % #lines + 1]
  local body = string.format(
    '{"userId":%d,"items":[{"productId":%s,"optionId":%s,"quantity":1}]}', user, line[1], line[2])
  return wrk.format("POST", "/api/v1/orders",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
