-- Safe-mode WeChat pushes, made beforehand by the driver (AES and signatures are Java's work, not wrk's): thread id
-- reads its own file, PUSHES .. id .. ".txt", one push a line ("<query string>\t<body>"), and sends each once; when
-- they run out the thread counts itself exhausted and stops (the driver then fails the phase: the files were too small
-- for the rate). With CYCLE (the bare route, which keeps nothing) it starts its file again. A 200 answering "success"
-- is handled; anything else fails. Settings: PUSHES, PATH, CYCLE.
local mine = {}
local position = 0

function init(args)
  for line in io.lines(PUSHES .. id .. ".txt") do
    local query, body = line:match("^([^\t]*)\t(.*)$")
    mine[#mine + 1] = wrk.format("POST", PATH .. "?" .. query, {["Content-Type"] = "text/xml"}, body)
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
