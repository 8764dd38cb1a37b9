-- wrk script for bench/publish_storm.py: a mix of public pages, one after another on each
-- connection, and answers counted by status class and by X-Page-Cache (hit, stale, miss),
-- and per second of the wall clock (os.time(): whole seconds, the same clock on every
-- thread and slice, so publish_storm.py can add the slices' seconds together).
-- Usage: wrk ... -s bench/publish_storm.lua <base url> -- <path> <path> ...

local paths = {}
local n = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for i = 1, #args do paths[i] = args[i] end
  n = math.random(#paths)
  ok, bad, hit, stale, miss = 0, 0, 0, 0, 0
  -- Keys are strings: wrk copies a thread's table to the main state for done().
  answered, rendered = {}, {}
end

function request()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end

function response(status, headers, body)
  if status < 400 then ok = ok + 1 else bad = bad + 1 end
  local state = headers["X-Page-Cache"]
  if state == "hit" then hit = hit + 1
  elseif state == "stale" then stale = stale + 1
  else miss = miss + 1 end
  local second = tostring(os.time())
  answered[second] = (answered[second] or 0) + 1
  if state ~= "hit" and state ~= "stale" then rendered[second] = (rendered[second] or 0) + 1 end
end

function done(summary, latency, requests)
  local t = {0, 0, 0, 0, 0}
  for _, thread in ipairs(threads) do
    t[1] = t[1] + thread:get("ok")
    t[2] = t[2] + thread:get("bad")
    t[3] = t[3] + thread:get("hit")
    t[4] = t[4] + thread:get("stale")
    t[5] = t[5] + thread:get("miss")
  end
  local per_second = {}
  for _, thread in ipairs(threads) do
    local rendered = thread:get("rendered")
    for second, count in pairs(thread:get("answered")) do
      local s = per_second[second] or {0, 0}
      per_second[second] = {s[1] + count, s[2] + (rendered[second] or 0)}
    end
  end
  local items = {}
  for second, s in pairs(per_second) do
    table.insert(items, string.format('"%s": [%d, %d]', second, s[1], s[2]))
  end
  io.write("PER_SECOND {" .. table.concat(items, ", ") .. "}\n")
  io.write(string.format(
    'ANSWERS {"ok": %d, "failed": %d, "hit": %d, "stale": %d, "rendered": %d}\n',
    t[1], t[2], t[3], t[4], t[5]))
end
