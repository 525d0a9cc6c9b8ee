-- wrk script: visitors reading pages and searching, each request a random address from the file
-- given after "--" (one path per line, repeated to weight it). Prints p50/p95/p99 and the error
-- counts in one line that loadtest.py reads.
--
-- With more arguments, some requests come from signed-in people who also post comments:
--   -- PATHS USERS THREADS SIGNED_SHARE COMMENT_SHARE MAX_POSTS
-- USERS has one line per person: "session csrf organisation comment-path". Each wrk thread takes its
-- own share of the people, so counting posts per person here keeps everyone below the site's limit
-- on comments (MAX_POSTS per person in one run).
local paths = {}
local users = {}
local counter = 0
posts = 0  -- global: done() reads it from each thread
local signed_share, comment_share, max_posts = 0, 0, 0
local next_user = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if args[2] then
    local thread_count = tonumber(args[3])
    signed_share, comment_share, max_posts = tonumber(args[4]), tonumber(args[5]), tonumber(args[6])
    local index = 0
    for line in io.lines(args[2]) do
      local session, csrf, organisation, target = line:match("^(%S+) (%S+) (%S+) (%S+)$")
      if session then
        if index % thread_count == id then
          users[#users + 1] = {
            cookie = "sessionid=" .. session .. "; csrftoken=" .. csrf,
            csrf = csrf, organisation = organisation, target = target, posts = 0,
          }
        end
        index = index + 1
      end
    end
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + (id or 0))
end

function request()
  counter = counter + 1
  local path = paths[math.random(#paths)]
  if #users > 0 and math.random() < signed_share then
    next_user = next_user % #users + 1
    local user = users[next_user]
    local headers = { ["Accept-Language"] = "fi", ["Cookie"] = user.cookie }
    if user.posts < max_posts and math.random() < comment_share then
      user.posts = user.posts + 1
      posts = posts + 1
      headers["Content-Type"] = "application/x-www-form-urlencoded"
      local body = "csrfmiddlewaretoken=" .. user.csrf .. "&organisation=" .. user.organisation
        .. "&body=Kuormatestin+kommentti+" .. id .. "-" .. posts
      return wrk.format("POST", user.target, headers, body)
    end
    return wrk.format("GET", path, headers)
  end
  return wrk.format("GET", path, { ["Accept-Language"] = "fi" })
end

function done(summary, latency, requests)
  local errors = summary.errors
  local comments = 0
  for _, thread in ipairs(threads) do
    comments = comments + (thread:get("posts") or 0)
  end
  io.write(string.format(
    "RESULT requests=%d duration_s=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f "
      .. "non_2xx_3xx=%d connect=%d read=%d write=%d timeout=%d comments_sent=%d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout, comments))
end
