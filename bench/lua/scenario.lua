-- The requests of every scenario; BENCH_REQUEST names one kind ("order") or a weighted mix
-- ("order:2,product:1,balance:1"). Counting, users and pacing are in lib.lua.
--
--   order     POST /api/v1/orders, pay now, one unit of a random option of BENCH_OPTIONS
--             ("productId:optionId,...")
--   charge    POST /api/v1/users/{id}/balance/charge of BENCH_CHARGE_AMOUNT
--   coupon    POST /api/v1/users/{id}/coupons for BENCH_COUPON_ID
--   balance   GET  /api/v1/users/{id}/balance
--   product   GET  /api/v1/products/{id} of a random product of BENCH_PRODUCT_IDS ("1,2,...")
--   products  GET  /api/v1/products?page=0&size=20
--   top       GET  /api/v1/products/top?days=3&limit=5
dofile(os.getenv("BENCH_LUA_DIR") .. "/lib.lua")

local function list(name, pattern)
  local items = {}
  for item in (os.getenv(name) or ""):gmatch(pattern) do items[#items + 1] = item end
  return items
end
local options = list("BENCH_OPTIONS", "[^,]+")
local product_ids = list("BENCH_PRODUCT_IDS", "[^,]+")

local function authorized(user, extra)
  local headers = { ["Authorization"] = "Bearer " .. token_of(user) }
  if extra then headers["Content-Type"] = "application/json" end
  return headers
end

local kinds = {
  order = function(user)
    local product, option = options[math.random(#options)]:match("(%d+):(%d+)")
    return wrk.format("POST", "/api/v1/orders", authorized(user, true), string.format(
      '{"userId":%d,"items":[{"productId":%s,"optionId":%s,"quantity":1}]}', user, product, option))
  end,
  charge = function(user)
    return wrk.format("POST", "/api/v1/users/" .. user .. "/balance/charge", authorized(user, true),
      '{"amount":' .. os.getenv("BENCH_CHARGE_AMOUNT") .. '}')
  end,
  coupon = function(user)
    return wrk.format("POST", "/api/v1/users/" .. user .. "/coupons", authorized(user, true),
      '{"couponId":' .. os.getenv("BENCH_COUPON_ID") .. '}')
  end,
  balance = function(user)
    return wrk.format("GET", "/api/v1/users/" .. user .. "/balance", authorized(user))
  end,
  product = function()
    return wrk.format("GET", "/api/v1/products/" .. product_ids[math.random(#product_ids)])
  end,
  products = function()
    return wrk.format("GET", "/api/v1/products?page=0&size=20")
  end,
  top = function()
    return wrk.format("GET", "/api/v1/products/top?days=3&limit=5")
  end,
}

-- "order:2,product:1" -> the kind of each request, drawn with those weights.
local weighted, weight_sum = {}, 0
for kind, weight in (os.getenv("BENCH_REQUEST") or "product"):gmatch("([%a]+):?(%d*)") do
  assert(kinds[kind], "unknown request kind " .. kind)
  weight_sum = weight_sum + (tonumber(weight) or 1)
  weighted[#weighted + 1] = { kind = kind, upto = weight_sum }
end

request = function()
  local draw, kind = math.random() * weight_sum, weighted[#weighted].kind
  for _, entry in ipairs(weighted) do
    if draw < entry.upto then kind = entry.kind break end
  end
  return kinds[kind](next_user())
end
