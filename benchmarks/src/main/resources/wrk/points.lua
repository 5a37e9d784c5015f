-- Points changes: POST /v1/cards/{id}/memberships/{code}/points, each with a new Idempotency-Key
-- <PREFIX>-<thread>-<n>-<member>, a member picked at random from MEMBERS, a delta of 1 to 10 that follows from n. The
-- key is also sent as X-Request-Id, which the service echoes: a 409 concurrent-update (two connections on one member)
-- is sent again with the same key, as a client should (and as the Java driver does), counted as retried, not failed.
-- Every 201 is acknowledged: the key its body names goes to ACKED_FILE (written by done()) for the data check.
-- Settings: PREFIX, CARD, API_KEY, MEMBERS, ACKED_FILE.
local counter = 0
local retry = {}

local function change(key)
  local n, m = key:match("-(%d+)-(%d+)$")
  local body = '{"delta":' .. (1 + tonumber(n) % 10) .. ',"reason":"wrk ' .. key .. '","notify":false}'
  return wrk.format("POST", "/v1/cards/" .. CARD .. "/memberships/" .. MEMBERS[tonumber(m)] .. "/points", {
    ["Authorization"] = "Bearer " .. API_KEY, ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = key, ["X-Request-Id"] = key}, body)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
end

function request()
  local key = table.remove(retry)
  if key == nil then
    counter = counter + 1
    sent = counter
    key = string.format("%s-%d-%d-%d", PREFIX, id, counter, math.random(#MEMBERS))
  end
  return change(key)
end

function response(status, headers, body)
  if status == 201 then
    ok = ok + 1
    acked[#acked + 1] = body:match('"idempotency_key"%s*:%s*"([^"]+)"')
  elseif status == 409 and body:find("concurrent-update", 1, true) and headers["X-Request-Id"] then
    retried = retried + 1
    retry[#retry + 1] = headers["X-Request-Id"]
  else
    failed = failed + 1
  end
end
