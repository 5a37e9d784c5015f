-- Shared by every wxcard wrk script (the driver writes settings, then this, then the path's own script into one
-- file). Each wrk thread has a Lua state of its own: setup() numbers the threads (the global id, 0-based), the path's
-- request()/response() count into the globals below, and done() (in wrk's main state) adds them up over the threads
-- and prints one line the driver parses, after wrk's own report.
sent, ok, failed, retried, exhausted = 0, 0, 0, 0, 0
acked = {}

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local totals = {sent = 0, ok = 0, failed = 0, retried = 0, exhausted = 0}
  local keys = ACKED_FILE and assert(io.open(ACKED_FILE, "w"))
  for _, thread in ipairs(threads) do
    for name, value in pairs(totals) do
      totals[name] = value + (thread:get(name) or 0)
    end
    if keys then
      for _, key in ipairs(thread:get("acked") or {}) do
        keys:write(key, "\n")
      end
    end
  end
  if keys then
    keys:close()
  end
  io.write(string.format("wxcard: sent %d ok %d failed %d retried %d exhausted %d\n", totals.sent, totals.ok,
    totals.failed, totals.retried, totals.exhausted))
end
