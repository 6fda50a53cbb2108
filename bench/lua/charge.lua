-- POST /api/v1/users/{id}/balance/charge: one upsert + ledger row per request.
dofile("bench/lua/users.lua")

request = function()
  local user, token = next_user()
  return wrk.format("POST", "/api/v1/users/" .. user .. "/balance/charge",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, '{"amount":1000}')
end
