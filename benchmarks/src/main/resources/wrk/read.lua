-- Membership reads: GET <PREFIX><code> with the API key, a member picked at random from MEMBERS; every request is
-- built once in init(), so a request costs wrk a random number and a table lookup. A status other than 200 fails.
-- Settings: PREFIX, API_KEY, MEMBERS.
local requests = {}

function init(args)
  math.randomseed(os.time() * 1000 + id)
  for i, code in ipairs(MEMBERS) do
    requests[i] = wrk.format("GET", PREFIX .. code, {["Authorization"] = "Bearer " .. API_KEY})
  end
end

function request()
  sent = sent + 1
  return requests[math.random(#requests)]
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    failed = failed + 1
  end
end
