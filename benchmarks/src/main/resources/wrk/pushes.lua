-- Safe-mode WeChat pushes, made beforehand by the driver (AES and signatures are Java's work, not wrk's): PUSHES is a
-- file of one push a line, "<query string>\t<body>". Thread id takes every THREADS-th line from line id, so no push is
-- sent twice; when its share runs out the thread counts itself exhausted and stops (the driver then fails the phase:
-- the file was too small for the rate). With CYCLE (the bare route, which keeps nothing) the share starts again.
-- A 200 answering "success" is handled; anything else fails. Settings: PUSHES, PATH, THREADS, CYCLE.
local mine = {}
local position = 0

function init(args)
  local line_number = 0
  for line in io.lines(PUSHES) do
    if line_number % THREADS == id then
      local query, body = line:match("^([^\t]*)\t(.*)$")
      mine[#mine + 1] = wrk.format("POST", PATH .. "?" .. query, {["Content-Type"] = "text/xml"}, body)
    end
    line_number = line_number + 1
  end
end

function request()
  position = position + 1
  if position > #mine then
    if not CYCLE then
      exhausted = exhausted + 1
      wrk.thread:stop()
      return wrk.format("GET", "/health/ready")
    end
    position = 1
  end
  sent = sent + 1
  return mine[position]
end

function response(status, headers, body)
  if status == 200 and body == "success" then
    ok = ok + 1
  elseif exhausted == 0 then
    failed = failed + 1
  end
end
