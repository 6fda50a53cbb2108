-- POST /api/v1/orders, paid at once from the balance: the service's hottest write path.
dofile("bench/lua/users.lua")
local product = os.getenv("BENCH_PRODUCT_ID")
local options = {}
for option in string.gmatch(os.getenv("BENCH_OPTION_IDS"), "[^,]+") do
  options[#options + 1] = option
end

request = function()
  local user, token = next_user()
  local option = options[(user % #options) + 1]
  local body = string.format(
    '{"userId":%d,"items":[{"productId":%s,"optionId":%s,"quantity":1}]}', user, product, option)
  return wrk.format("POST", "/api/v1/orders",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
