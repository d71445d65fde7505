-- wrk script for bench/load.sh: POSTs the bodies of a file (one JSON object a line) to
-- /v1/classify in turn, counts non-2xx answers and 2xx answers without "labels", and prints
-- one machine-readable line (NHAN-LOAD key=value ...) at the end.
-- usage: wrk -s bench/load.lua http://127.0.0.1:PORT -- BODIES_FILE [PATH]

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("id", #threads)
end

function init(args)
   local file = args[1] or error("usage: wrk -s load.lua URL -- BODIES_FILE [PATH]")
   local path = args[2] or "/v1/classify"
   local headers = { ["Content-Type"] = "application/json" }
   prepared = {}
   for line in io.lines(file) do
      if #line > 0 then
         prepared[#prepared + 1] = wrk.format("POST", path, headers, line)
      end
   end
   if #prepared == 0 then
      error("no request bodies in " .. file)
   end
   -- threads start at different articles, then cycle through all of them
   counter = ((id or 1) - 1) * math.floor(#prepared / 2)
   responses = 0
   non2xx = 0
   no_labels = 0
end

function request()
   counter = counter + 1
   return prepared[(counter % #prepared) + 1]
end

function response(status, headers, body)
   responses = responses + 1
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   elseif body == nil or not string.find(body, '"labels"', 1, true) then
      no_labels = no_labels + 1
   end
end

function done(summary, latency, requests)
   local total_responses, total_non2xx, total_no_labels = 0, 0, 0
   for _, thread in ipairs(threads) do
      total_responses = total_responses + (thread:get("responses") or 0)
      total_non2xx = total_non2xx + (thread:get("non2xx") or 0)
      total_no_labels = total_no_labels + (thread:get("no_labels") or 0)
   end
   local e = summary.errors
   local socket = e.connect + e.read + e.write + e.timeout
   local seconds = summary.duration / 1e6
   local ms = function(p) return latency:percentile(p) / 1000 end
   io.write(string.format(
      "NHAN-LOAD requests=%d responses=%d duration_s=%.3f rps=%.1f mean_ms=%.3f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f " ..
      "non2xx=%d no_labels=%d socket_errors=%d connect=%d read=%d write=%d timeout=%d status_gt399=%d\n",
      summary.requests, total_responses, seconds, summary.requests / seconds, latency.mean / 1000,
      ms(50), ms(90), ms(99), ms(99.9), latency.max / 1000,
      total_non2xx, total_no_labels, socket, e.connect, e.read, e.write, e.timeout, e.status))
end
