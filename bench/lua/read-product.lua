-- GET /api/v1/products/{id}: a public read with live stock.
local product = os.getenv("BENCH_PRODUCT_ID")
request = function()
  return wrk.format("GET", "/api/v1/products/" .. product)
end
