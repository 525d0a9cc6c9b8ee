-- wrk script: anonymous visitors reading pages and searching, each request a random address from
-- the file given after "--" (one path per line, repeated to weight it). Prints p50/p95/p99 and the
-- error counts in one line that loadtest.py reads.
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[math.random(#paths)], { ["Accept-Language"] = "fi" })
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_s=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f "
      .. "non_2xx_3xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
