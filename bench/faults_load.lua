-- wrk script for bench/faults_load.py: each connection waits `delay` ms before each request
-- (wrk has no fixed rate; this approximates one), and answers are counted by status class.
-- Usage: wrk ... -s bench/faults_load.lua <url> -- <delay ms>

local pause = 100
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  pause = tonumber(args[1] or "100")
  s2, s3, s4, s5 = 0, 0, 0, 0
end

function delay()
  return pause
end

function response(status, headers, body)
  if status < 300 then s2 = s2 + 1
  elseif status < 400 then s3 = s3 + 1
  elseif status < 500 then s4 = s4 + 1
  else s5 = s5 + 1 end
end

function done(summary, latency, requests)
  local t = {0, 0, 0, 0}
  for _, thread in ipairs(threads) do
    t[1] = t[1] + thread:get("s2")
    t[2] = t[2] + thread:get("s3")
    t[3] = t[3] + thread:get("s4")
    t[4] = t[4] + thread:get("s5")
  end
  io.write(string.format('STATUSES {"2xx": %d, "3xx": %d, "4xx": %d, "5xx": %d}\n',
    t[1], t[2], t[3], t[4]))
end
